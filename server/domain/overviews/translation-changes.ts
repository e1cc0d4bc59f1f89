import { z } from 'zod';
import { listOverviewTranslations } from '../../data/overview-translations.js';
import { advanceOverview, findOverview, findOverviewOf, insertOverviewRevision, type OverviewFields, type OverviewStatus } from '../../data/overviews.js';
import type { Language } from '../../i18n/languages.js';
import { actorLabel } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { Refused } from '../refusals.js';
import { integer, parseInput } from '../validation.js';
import { isCallOpen } from './events.js';
import { countWords } from './markdown.js';
import { delegateOnly, isInvited, loadEvent, staleError } from './overviews.js';
import { checkVersionLength, sectionsSchema, writeTranslations, type TranslationInput } from './translations.js';

// A delegation adds, changes or removes one translation of its overview, language by language (the
// pages' way; the API replaces the whole set with the overview). Each change is a revision of the
// overview, refused from a stale revision, and leaves the overview a draft or submits it, as a save
// of the original does.

const changeSchema = z.object({
  baseRevision: integer('validation.invalidValue', 0).optional(),
  submit: z.literal(true, { message: 'validation.invalidValue' }).optional(),
}, { message: 'validation.invalidValue' });

const translationSaveSchema = changeSchema.extend({
  title: z.string({ message: 'validation.invalidValue' }).trim().max(500, 'validation.tooLong').optional(),
  sections: sectionsSchema,
});

export type TranslationChangeResult = { readonly id: number; readonly revision: number; readonly status: OverviewStatus };

/** Saves the translation of the delegation's overview into `language` (a new one, or a new text of it). */
export async function saveTranslation(deps: Deps, actor: Actor, eventId: number, language: Language, input: unknown): Promise<TranslationChangeResult> {
  return changeTranslation(deps, actor, eventId, language, input, 'save');
}

/** Removes the translation of the delegation's overview into `language`. */
export async function removeTranslation(deps: Deps, actor: Actor, eventId: number, language: Language, input: unknown): Promise<TranslationChangeResult> {
  return changeTranslation(deps, actor, eventId, language, input, 'remove');
}

async function changeTranslation(deps: Deps, actor: Actor, eventId: number, language: Language, input: unknown, change: 'save' | 'remove'): Promise<TranslationChangeResult> {
  const memberStateId = delegateOnly(actor);
  const event = await loadEvent(deps.db, eventId);
  if (!isInvited(event, memberStateId)) throw new Refused({ kind: event.call === null ? 'call-closed' : 'not-invited' });
  const call = event.call!;
  let data: z.output<typeof changeSchema>;
  let given: TranslationInput | null = null;
  if (change === 'save') {
    const saving = parseInput(translationSaveSchema, input);
    data = saving;
    given = { language, title: saving.title, sections: saving.sections };
  } else {
    data = parseInput(changeSchema, input);
  }
  if (given) {
    const errors = checkVersionLength(call, given.sections, 'sections');
    if (errors.length) throw new AppError('invalid', 'errors.invalid', {}, errors);
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    if (!isCallOpen(call, now)) throw new Refused({ kind: 'call-closed' });
    const existing = await findOverviewOf(tx, eventId, memberStateId);
    if (!existing) throw new AppError('conflict', 'errors.overviewNotStarted');
    const status: OverviewStatus = data.submit ? 'submitted' : 'draft';
    if (existing.status === 'published' || existing.status === 'withdrawn') throw new Refused({ kind: 'overview-transition', from: existing.status, to: status });
    if (language === existing.language) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'language', key: 'validation.translationOfOriginal' }]);
    const current = await listOverviewTranslations(tx, [existing.id]);
    if (!given && !current.some((t) => t.language === language)) throw new AppError('not_found', 'errors.notFound');
    const at = isoTime(now);
    const fields: OverviewFields = {
      language: existing.language, title: existing.title, status, sections: existing.sections, comment: existing.comment,
      updated_by: actor.userId, updated_by_label: actorLabel(actor), updated_at: at,
      submitted_at: data.submit ? at : existing.submitted_at,
    };
    if (!(await advanceOverview(tx, existing.id, data.baseRevision ?? existing.revision, fields))) throw staleError(await findOverviewOf(tx, eventId, memberStateId));
    const others = current.filter((t) => t.language !== language)
      .map((t): TranslationInput => ({ language: t.language, title: t.title, sections: t.sections.map((text) => ({ text })) }));
    await writeTranslations(tx, existing.id, existing.language, given ? [...others, given] : others, { userId: actor.userId, label: actorLabel(actor), at });
    const saved = (await findOverview(tx, existing.id))!;
    await insertOverviewRevision(tx, saved);
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: `overview.translation.${change}`, subjectType: 'overview', subjectId: existing.id,
      details: {
        event: eventId, memberStateId, revision: saved.revision, language, status: saved.status,
        ...(given ? { words: given.sections.reduce((n, s) => n + countWords(s.text), 0) } : {}),
      },
    });
    return { id: existing.id, revision: saved.revision, status: saved.status };
  });
}
