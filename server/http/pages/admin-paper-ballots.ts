import { Router, type Request, type Response } from 'express';
import { lookUpReceipt } from '../../domain/ballots.js';
import type { Deps } from '../../domain/deps.js';
import { AppError, HTTP_STATUS, type FieldError } from '../../domain/errors.js';
import { listAllMemberStates } from '../../domain/member-states.js';
import { currentBallotOf, enterPaperBallot, importPaperBallots, PAPER_BALLOT_REFUSALS, PAPER_CHANNELS, type PaperImportReport } from '../../domain/paper-ballots.js';
import { assertNever, refusalOf, refusalStatus } from '../../domain/refusals.js';
import { pick } from '../../domain/surveys/model.js';
import { getSurvey, type SurveyView } from '../../domain/surveys/queries.js';
import type { Formatters } from '../../i18n/index.js';
import { ballotFormInput, otherBallotProblems, type BallotFields } from '../forms/ballot.js';
import { idFromText, idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { notOpenText, refusalText } from '../refusal-text.js';
import { ballotErrors, ballotQuestions, countedBallot } from '../view-models/ballot.js';
import { importExample, importReportModel } from '../view-models/paper-ballots.js';

interface PaperPage {
  readonly status?: number;
  /** The Member State whose ballot form is shown. */
  readonly memberStateId?: number;
  readonly fields?: BallotFields;
  readonly problems?: readonly FieldError[];
  readonly notice?: string;
  readonly report?: PaperImportReport;
  readonly importError?: string;
  readonly recorded?: string;
}

const fmtOf = (res: Response) => (res.locals as { fmt: Formatters }).fmt;

/** Why the survey takes no paper ballot now, or null when it does. */
function closedNotice(req: Request, survey: SurveyView): string | null {
  if (survey.status === 'open') return null;
  return notOpenText(req, survey.status, { paper: true });
}

/** The page: the report of an import if any, the form for one Member State's ballot, the import form. */
async function renderPage(deps: Deps, req: Request, res: Response, survey: SurveyView, page: PaperPage) {
  const actor = req.user!;
  const members = (await listAllMemberStates(deps, actor))
    .filter((m) => m.status === 'member')
    .map((m) => ({ id: m.id, iso3: m.iso3, label: `${m.names[req.lang]} (${m.iso3})` }))
    .sort((a, b) => a.label.localeCompare(b.label, req.lang));
  const chosen = members.find((m) => m.id === page.memberStateId) ?? null;
  const current = chosen ? await currentBallotOf(deps, actor, survey.id, chosen.id) : undefined;
  const fields: BallotFields = page.fields ?? { baseRevision: String(current?.revision ?? 0) };
  fields.channel ??= 'paper';
  const problems = page.problems ?? [];
  const fieldMessages: Record<string, string> = {};
  for (const p of problems) if (p.field === 'channel' || p.field === 'memberState') fieldMessages[p.field] ??= req.t(p.key, p.params);
  const errors = ballotErrors(problems.filter((p) => !(p.field in fieldMessages)), req.t);
  let recorded = null;
  if (page.recorded) {
    try {
      const { revision } = await lookUpReceipt(deps, actor, page.recorded);
      if (revision.surveyId === survey.id) recorded = { memberState: revision.memberStateNames[req.lang], revision: revision.revision, receipt: revision.receipt };
    } catch (error) {
      if (!(error instanceof AppError) || error.kind !== 'not_found') throw error;
    }
  }
  res.status(page.status ?? 200).render('admin/paper-ballots/index', {
    title: req.t('paperBallots.title', { survey: pick(survey.title, req.lang).text }),
    survey, members, chosen, current: current ?? null,
    currentCounted: current ? countedBallot(survey, current.answers, req.lang, req.t) : [],
    refusal: closedNotice(req, survey),
    channels: PAPER_CHANNELS,
    fields, fieldMessages,
    questions: ballotQuestions(survey, req.lang, fields, errors, req.t),
    generalErrors: errors._ ?? [],
    hasErrors: problems.length > 0,
    notice: page.notice ?? null,
    recorded,
    example: importExample(survey),
    report: page.report ? importReportModel(survey, page.report, req.lang, req.t, fmtOf(res)) : null,
    importError: page.importError ?? null,
  });
}


/**
 * Ballots received on paper or by note verbale, entered by an administrator: one by one, or from a
 * CSV file checked first. Mounted at /admin/surveys/:surveyId/paper-ballots.
 */
export function adminPaperBallotPages(deps: Deps): Router {
  const router = Router({ mergeParams: true });
  router.use(allow('admin'));

  const surveyOf = (req: Request) => getSurvey(deps, req.user!, idParam((req.params as Record<string, string>).surveyId));

  router.get('/', async (req, res) => {
    const survey = await surveyOf(req);
    const chosen = idFromText(req.query.memberState);
    const recorded = typeof req.query.recorded === 'string' ? req.query.recorded : undefined;
    await renderPage(deps, req, res, survey, { memberStateId: chosen, recorded });
  });

  router.post('/', async (req, res) => {
    const survey = await surveyOf(req);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const form = ballotFormInput(survey, body);
    const channel = typeof body.channel === 'string' ? body.channel : '';
    const fields = { ...form.fields, channel };
    const page = { memberStateId: form.memberStateId, fields };
    if (survey.status !== 'open') return renderPage(deps, req, res, survey, { ...page, status: 409 });
    if (form.problems.length) {
      const channelProblem = (PAPER_CHANNELS as readonly string[]).includes(channel) ? [] : [{ field: 'channel', key: 'validation.paperBallots.channel', params: { value: channel } }];
      return renderPage(deps, req, res, survey, { ...page, problems: [...channelProblem, ...form.problems, ...otherBallotProblems(survey, form.input, form.problems)], status: 422 });
    }
    try {
      const result = await enterPaperBallot(deps, req.user!, survey.id, { memberState: form.memberStateId ?? '', channel, ballot: form.input });
      res.redirect(303, `/admin/surveys/${survey.id}/paper-ballots?memberState=${form.memberStateId}&recorded=${encodeURIComponent(result.receipt)}#single`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.kind === 'invalid') return renderPage(deps, req, res, survey, { ...page, problems: error.fields.length ? error.fields : [{ field: '_', key: error.key }], status: 422 });
      const refusal = refusalOf(error, PAPER_BALLOT_REFUSALS);
      if (!refusal) throw error;
      switch (refusal.kind) {
        case 'stale': {
          // Nothing was saved: the form keeps what was typed, from the ballot as it now stands.
          const current = await currentBallotOf(deps, req.user!, survey.id, form.memberStateId!);
          return renderPage(deps, req, res, survey, { ...page, fields: { ...fields, baseRevision: String(current?.revision ?? 0) }, notice: refusalText(req, refusal), status: refusalStatus(refusal) });
        }
        case 'closed':
        case 'not-open':
          return renderPage(deps, req, res, await surveyOf(req), { ...page, status: refusalStatus(refusal) });
        default:
          return assertNever(refusal);
      }
    }
  });

  router.post('/import', async (req, res) => {
    const survey = await surveyOf(req);
    if (survey.status !== 'open') return renderPage(deps, req, res, survey, { status: 409 });
    if (!req.file) return renderPage(deps, req, res, survey, { importError: req.t('paperBallots.import.noFile'), status: 422 });
    const dryRun = (req.body as Record<string, unknown> | undefined)?.mode !== 'import';
    try {
      const report = await importPaperBallots(deps, req.user!, survey.id, req.file.buffer, { dryRun });
      await renderPage(deps, req, res, survey, { report, status: report.rejected > 0 ? 422 : 200 });
    } catch (error) {
      const refusal = refusalOf(error, PAPER_BALLOT_REFUSALS);
      if (refusal) {
        switch (refusal.kind) {
          case 'stale':
          case 'closed':
          case 'not-open':
            // The page shows the survey as it now stands: closed, or open with the ballots as they now are.
            return renderPage(deps, req, res, await surveyOf(req), { status: refusalStatus(refusal) });
          default:
            return assertNever(refusal);
        }
      }
      if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
      await renderPage(deps, req, res, survey, { importError: req.t(error.key, error.params), status: HTTP_STATUS[error.kind] });
    }
  });

  return router;
}
