import type { Request, Response } from 'express';
import type { Deps } from '../domain/deps.js';
import { AppError } from '../domain/errors.js';
import { exportKindOfFile, prepareExport, type ExportKind } from '../domain/exports/index.js';
import { catalogueCsv, CATALOGUE_CSV_MAX_ROWS } from '../domain/overviews/catalogue-csv.js';
import type { Language } from '../i18n/languages.js';
import { idParam } from './forms/params.js';

/** `ballots.csv`, `tally.csv`, …, `ballots.blt` → the kind of export. */
export function exportKindOf(file: unknown): ExportKind {
  const match = typeof file === 'string' ? /^([a-z]+)\.(csv|blt)$/.exec(file) : null;
  if (!match) throw new AppError('not_found', 'errors.notFound');
  const kind = exportKindOfFile(match[1]!, match[2]!);
  if (kind === null) throw new AppError('not_found', 'errors.notFound');
  return kind;
}

/**
 * Streams an export as a download, of the kind its file name says or of `fixedKind`; its SHA-256
 * goes to the audit log once the file is written. The options come from the query string (a GET
 * with a bearer token) or from the posted form (a page's button, with the CSRF token).
 */
export function sendExport(deps: Deps, optionsFrom: 'query' | 'body' = 'query', fixedKind?: ExportKind) {
  return async (req: Request, res: Response): Promise<void> => {
    const kind = fixedKind ?? exportKindOf(req.params.file);
    const file = await prepareExport(deps, req.user!, idParam(req.params.id), kind, optionsFrom === 'query' ? req.query : req.body ?? {});
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    await file.write(res);
  };
}

/**
 * The public catalogue's results as a CSV download: the query string's filters, names and titles
 * in `language`. A header says when more overviews matched than the file holds.
 */
export function sendCatalogueCsv(deps: Deps, language: (req: Request) => Language) {
  return async (req: Request, res: Response): Promise<void> => {
    const csv = await catalogueCsv(deps, req.query, language(req));
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="overviews.csv"');
    res.setHeader('Catalogue-Rows', String(csv.rows));
    if (csv.truncated) res.setHeader('Catalogue-Truncated', `at most ${CATALOGUE_CSV_MAX_ROWS} rows`);
    res.send(csv.text);
  };
}
