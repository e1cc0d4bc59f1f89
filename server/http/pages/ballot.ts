import { Router, type Request, type Response } from 'express';
import type { RevisionRow } from '../../data/ballots.js';
import { BALLOT_REFUSALS, ballotFor, ballotHistory, ballotTarget, checkBallot, currentBallot, lookUpReceipt, submitBallot } from '../../domain/ballots.js';
import type { Deps } from '../../domain/deps.js';
import { AppError, type FieldError } from '../../domain/errors.js';
import { PROPOSAL_REFUSALS, proposalsFor, proposeTopic } from '../../domain/proposals.js';
import { assertNever, refusalOf, refusalStatus } from '../../domain/refusals.js';
import { pick } from '../../domain/surveys/model.js';
import { getSurvey, type SurveyView } from '../../domain/surveys/queries.js';
import { LANGUAGES } from '../../i18n/languages.js';
import { ballotFieldsOf, ballotFormInput, otherBallotProblems, type BallotFields } from '../forms/ballot.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { notOpenText, refusalText } from '../refusal-text.js';
import { ballotErrors, ballotQuestions, countedBallot, remainingTime } from '../view-models/ballot.js';

interface BallotPage {
  readonly fields: BallotFields;
  readonly problems?: readonly FieldError[];
  /** A message above the form: why it is shown again. */
  readonly notice?: string;
  readonly status?: number;
  /** The Member State's current ballot when the caller has it already; read otherwise. */
  readonly current?: RevisionRow | undefined;
}

function surveyHeading(req: Request, survey: SurveyView) {
  return { title: pick(survey.title, req.lang), description: survey.description.en ? pick(survey.description, req.lang) : null };
}

function revisionSummary(req: Request, current: RevisionRow | undefined) {
  return current
    ? req.t('voting.ballot.current', { revision: current.revision, when: fmtOf(req).dateTime(current.submittedAt), who: current.submittedByLabel })
    : req.t('voting.ballot.noBallotYet');
}

function fmtOf(req: Request) {
  return (req.res!.locals as { fmt: { dateTime: (v: string) => string } }).fmt;
}

/** The ballot form, pre-filled with `fields`, with each problem at its question and summarised on top. */
async function renderBallot(deps: Deps, req: Request, res: Response, survey: SurveyView, page: BallotPage) {
  const current = 'current' in page ? page.current : await currentBallot(deps, req.user!, survey.id);
  const errors = ballotErrors(page.problems ?? [], req.t);
  const heading = surveyHeading(req, survey);
  res.status(page.status ?? 200).render('ballot/form', {
    title: req.t('voting.ballot.title', { survey: heading.title.text }),
    survey, heading,
    questions: ballotQuestions(survey, req.lang, page.fields, errors, req.t),
    generalErrors: errors._ ?? [],
    hasErrors: Object.keys(errors).length > 0,
    fields: page.fields,
    notice: page.notice ?? null,
    currentSummary: revisionSummary(req, current),
    remaining: remainingTime(survey.closesAt, deps.clock.now(), req.lang),
    memberStateId: req.user!.memberStateId,
    allowsProposals: survey.questions.some((q) => q.allowProposals),
  });
}

/** A survey that takes no ballot now: what was counted stays visible. */
async function renderClosed(deps: Deps, req: Request, res: Response, survey: SurveyView, status: number, known?: { current: RevisionRow | undefined }) {
  const current = known ? known.current : await currentBallot(deps, req.user!, survey.id);
  const heading = surveyHeading(req, survey);
  res.status(status).render('ballot/closed', {
    title: req.t('voting.closed.title', { survey: heading.title.text }),
    survey, heading,
    message: notOpenText(req, survey.status),
    current, counted: current ? countedBallot(survey, current.answers, req.lang, req.t) : null,
    currentSummary: revisionSummary(req, current),
  });
}



export function ballotPages(deps: Deps): Router {
  const router = Router();
  router.use(allow('delegate'));

  router.get('/:id/ballot', async (req, res) => {
    const { survey, current } = await ballotFor(deps, req.user!, idParam(req.params.id));
    if (survey.status !== 'open') return renderClosed(deps, req, res, survey, 200, { current });
    await renderBallot(deps, req, res, survey, { fields: ballotFieldsOf(current), current });
  });

  /** Reads the posted form; answers the request itself (403, 409, 422) when it cannot go on. */
  async function readForm(req: Request, res: Response) {
    const id = idParam(req.params.id);
    const survey = await getSurvey(deps, req.user!, id);
    const form = ballotFormInput(survey, req.body ?? {}, req.lang);
    await ballotTarget(deps, req.user!, id, form.memberStateId);
    if (survey.status !== 'open') {
      await renderClosed(deps, req, res, survey, 409);
      return null;
    }
    if (form.problems.length) {
      await renderBallot(deps, req, res, survey, { fields: form.fields, problems: [...form.problems, ...otherBallotProblems(survey, form.input, form.problems)], status: 422 });
      return null;
    }
    return { survey, form };
  }

  router.post('/:id/ballot/review', async (req, res) => {
    const read = await readForm(req, res);
    if (!read) return;
    const { survey, form } = read;
    let checked;
    try {
      checked = checkBallot(survey, form.input);
    } catch (error) {
      if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
      return renderBallot(deps, req, res, survey, { fields: form.fields, problems: error.fields.length ? error.fields : [{ field: '_', key: error.key }], status: 422 });
    }
    const heading = surveyHeading(req, survey);
    res.render('ballot/review', {
      title: req.t('voting.review.title', { survey: heading.title.text }),
      survey, heading, fields: form.fields,
      counted: countedBallot(survey, checked.answers, req.lang, req.t), comments: checked.comments,
    });
  });

  router.post('/:id/ballot/change', async (req, res) => {
    const read = await readForm(req, res);
    if (!read) return;
    await renderBallot(deps, req, res, read.survey, { fields: read.form.fields });
  });

  router.post('/:id/ballot', async (req, res) => {
    const read = await readForm(req, res);
    if (!read) return;
    const { survey, form } = read;
    try {
      const result = await submitBallot(deps, req.user!, survey.id, form.input, { channel: 'web', ...(form.memberStateId !== undefined ? { memberStateId: form.memberStateId } : {}) });
      res.redirect(303, `/surveys/${survey.id}/ballot/receipt/${result.receipt}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.kind === 'invalid') {
        return renderBallot(deps, req, res, survey, { fields: form.fields, problems: error.fields.length ? error.fields : [{ field: '_', key: error.key }], status: 422 });
      }
      const refusal = refusalOf(error, BALLOT_REFUSALS);
      if (!refusal) throw error;
      switch (refusal.kind) {
        case 'stale': {
          // Nothing was saved: show the ballot as it now stands, and who changed it.
          const current = await currentBallot(deps, req.user!, survey.id);
          return renderBallot(deps, req, res, survey, { fields: ballotFieldsOf(current), notice: refusalText(req, refusal), status: refusalStatus(refusal), current });
        }
        case 'closed':
        case 'not-open':
          return renderClosed(deps, req, res, await getSurvey(deps, req.user!, survey.id), refusalStatus(refusal));
        case 'observer':
          // The error page says why, as for any page an observer's delegation cannot use.
          throw error;
        default:
          return assertNever(refusal);
      }
    }
  });

  router.get('/:id/ballot/receipt/:code', async (req, res) => {
    const id = idParam(req.params.id);
    const found = await lookUpReceipt(deps, req.user!, String(req.params.code));
    if (found.survey.id !== id) throw new AppError('not_found', 'errors.receiptUnknown');
    res.render('ballot/receipt', receiptModel(req, found, true));
  });

  router.get('/:id/ballot/history', async (req, res) => {
    const id = idParam(req.params.id);
    const revisions = await ballotHistory(deps, req.user!, id);
    const survey = await getSurvey(deps, req.user!, id);
    const heading = surveyHeading(req, survey);
    res.render('ballot/history', { title: req.t('voting.history.title', { survey: heading.title.text }), survey, heading, revisions });
  });

  async function renderProposals(req: Request, res: Response, survey: SurveyView, values: Record<string, unknown>, errors: Record<string, string>, status = 200) {
    const heading = surveyHeading(req, survey);
    const questions = survey.questions.map((q, i) => ({ id: q.id, number: i + 1, title: pick(q.title, req.lang), allowProposals: q.allowProposals }));
    res.status(status).render('ballot/proposals', {
      title: req.t('voting.proposals.title', { survey: heading.title.text }),
      survey, heading, values, errors, languages: LANGUAGES,
      questions: questions.filter((q) => q.allowProposals),
      questionTitles: new Map(questions.map((q) => [q.id, q])),
      proposals: await proposalsFor(deps, req.user!, survey.id),
      open: survey.status === 'open',
      sent: req.query.sent === '1',
    });
  }

  router.get('/:id/proposals', async (req, res) => {
    const survey = await getSurvey(deps, req.user!, idParam(req.params.id));
    await renderProposals(req, res, survey, { language: req.lang }, {});
  });

  router.post('/:id/proposals', async (req, res) => {
    const id = idParam(req.params.id);
    const survey = await getSurvey(deps, req.user!, id);
    const body = (req.body ?? {}) as Record<string, unknown>;
    try {
      await proposeTopic(deps, req.user!, id, { question: body.question, title: body.title, description: body.description, language: body.language });
      res.redirect(303, `/surveys/${id}/proposals?sent=1`);
    } catch (error) {
      const refusal = refusalOf(error, PROPOSAL_REFUSALS);
      if (refusal) {
        switch (refusal.kind) {
          case 'closed':
            return renderProposals(req, res, survey, body, { _: refusalText(req, refusal) }, refusalStatus(refusal));
          case 'observer':
            throw error;
          default:
            return assertNever(refusal);
        }
      }
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      await renderProposals(req, res, survey, body, errors, 422);
    }
  });

  return router;
}

/** What a receipt page shows: the code, what was recorded, and whether it is still the counted revision. */
export function receiptModel(req: Request, found: Awaited<ReturnType<typeof lookUpReceipt>>, justSubmitted: boolean) {
  const { survey, revision } = found;
  return {
    title: req.t('voting.receipt.title', { code: revision.receipt }),
    survey, surveyTitle: pick(survey.title, req.lang), revision, justSubmitted,
    counted: countedBallot(survey, revision.answers, req.lang, req.t),
  };
}
