import { Router } from 'express';
import { currentBallot, submitBallot } from '../../domain/ballots.js';
import type { Deps } from '../../domain/deps.js';
import { createSurvey } from '../../domain/surveys/authoring.js';
import { closeSurvey, openSurvey, publishSurvey, reopenSurvey } from '../../domain/surveys/lifecycle.js';
import { getSurvey, listSurveys, type SurveyView } from '../../domain/surveys/queries.js';
import { surveyResults } from '../../domain/results.js';
import { toResultJson } from '../../tally/index.js';
import { sendExport } from '../exports.js';
import { idParam } from '../forms/params.js';
import { allow, anySignedIn } from '../middleware/roles.js';

/** A survey as API.md's scripts see it; option and question ids are what ballots refer to. */
export function surveyJson(s: SurveyView) {
  return {
    id: s.id, title: s.title, description: s.description, reference: s.reference, status: s.status,
    closesAt: s.closesAt, quorum: s.quorum, openedAt: s.openedAt, seed: s.seed,
    questions: s.questions.map((q) => ({
      id: q.id, title: q.title, description: q.description, seats: q.seats, method: q.method, maxRanks: q.maxRanks,
      allowAbstain: q.allowAbstain, allowComment: q.allowComment, allowProposals: q.allowProposals,
      options: q.options.map((o) => ({ id: o.id, label: o.label, title: o.title, description: o.description, proposedBy: o.proposedBy })),
    })),
  };
}

export function surveysApi(deps: Deps): Router {
  const router = Router();

  router.post('/', allow('admin'), async (req, res) => {
    const survey = await createSurvey(deps, req.user!, req.body);
    res.status(201).json(surveyJson(await getSurvey(deps, req.user!, survey.id)));
  });

  router.get('/', anySignedIn, async (req, res) => {
    const items = await listSurveys(deps, req.user!);
    res.json({
      surveys: items.map(({ survey, ballot }) => ({
        ...surveyJson(survey),
        ...(req.user!.role === 'delegate' ? { ballot: ballot ? { revision: ballot.revision, submittedAt: ballot.submittedAt, submittedBy: ballot.submittedByLabel, channel: ballot.channel } : null } : {}),
      })),
    });
  });

  router.get('/:id', anySignedIn, async (req, res) => {
    res.json(surveyJson(await getSurvey(deps, req.user!, idParam(req.params.id))));
  });

  const lifecycle = { open: openSurvey, close: closeSurvey, reopen: reopenSurvey, publish: publishSurvey } as const;
  for (const [action, change] of Object.entries(lifecycle)) {
    router.post(`/:id/${action}`, allow('admin'), async (req, res) => {
      const id = idParam(req.params.id);
      await change(deps, req.user!, id, req.body ?? {});
      res.json(surveyJson(await getSurvey(deps, req.user!, id)));
    });
  }

  router.get('/:id/results', anySignedIn, async (req, res) => {
    const r = await surveyResults(deps, req.user!, idParam(req.params.id));
    res.json({
      survey: r.survey.id, status: r.status, stamp: r.stamp, seed: r.seed,
      turnout: { eligible: r.eligible, answered: r.answered },
      questions: r.questions.map((q) => ({
        question: q.question.id, title: q.question.title, method: q.question.method, seats: q.question.seats,
        options: q.question.options.map((o, i) => ({ id: o.id, name: q.optionNames[i], label: o.label, title: o.title })),
        answered: q.answered, abstentions: q.abstentions,
        result: toResultJson(q.official),
        comparison: q.others.map((o, i) => ({ method: o.method, winners: o.winners.map((w) => q.optionNames[w]), agrees: q.othersAgree[i] })),
      })),
    });
  });

  router.get('/:id/exports/:file', allow('admin', 'staff'), sendExport(deps, 'query'));

  router.get('/:id/ballot', allow('delegate'), async (req, res) => {
    const current = await currentBallot(deps, req.user!, idParam(req.params.id));
    res.json(current
      ? {
        revision: current.revision, submittedAt: current.submittedAt, submittedBy: current.submittedByLabel, channel: current.channel, receipt: current.receipt,
        answers: Object.entries(current.answers).map(([question, a]) => ({ question: Number(question), ...a })), comments: current.comments,
      }
      : { revision: 0, answers: [], comments: '' });
  });

  router.put('/:id/ballot', allow('delegate'), async (req, res) => {
    const result = await submitBallot(deps, req.user!, idParam(req.params.id), req.body, { channel: 'api' });
    res.json(result);
  });

  return router;
}
