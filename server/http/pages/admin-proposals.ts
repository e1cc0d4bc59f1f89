import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError, HTTP_STATUS } from '../../domain/errors.js';
import { acceptProposal, DECISION_REFUSALS, declineProposal, proposalAcceptance, proposalsFor } from '../../domain/proposals.js';
import { assertNever, refusalOf, refusalStatus } from '../../domain/refusals.js';
import { refusalText } from '../refusal-text.js';
import { getSurvey, participation } from '../../domain/surveys/queries.js';
import { messagesByMemberState } from '../../domain/mail/queries.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { notAnsweredList, questionTitles, splitProposals, titleIn } from '../view-models/admin-surveys.js';

interface DecisionState {
  readonly proposalId: number;
  readonly general: string[];
  readonly fields: Record<string, string>;
  readonly values: Record<string, string>;
}

async function renderProposals(deps: Deps, req: Request, res: Response, surveyId: number, status = 200, state: DecisionState | null = null) {
  const survey = await getSurvey(deps, req.user!, surveyId);
  const proposals = await proposalsFor(deps, req.user!, surveyId);
  const surveyTitle = titleIn(survey, req.lang).text;
  res.status(status).render('admin/surveys/proposals', {
    title: req.t('adminSurveys.proposals.title', { title: surveyTitle }),
    survey,
    ...splitProposals(proposals),
    questions: questionTitles(survey, req.lang),
    canDecide: req.user!.role === 'admin',
    acceptance: proposalAcceptance(survey.status, survey.optionsReopened),
    state,
    errors: state?.fields ?? {},
  });
}

/** Participation and proposals of one survey. */
export function adminProposalPages(deps: Deps): Router {
  const router = Router({ mergeParams: true });

  router.get('/participation', allow('admin', 'staff'), async (req: Request<{ id: string }>, res) => {
    const id = idParam(req.params.id);
    const [p, messages] = await Promise.all([participation(deps, req.user!, id), messagesByMemberState(deps, req.user!, id)]);
    res.render('admin/surveys/participation', {
      title: req.t('adminSurveys.participation.title', { title: titleIn(p.survey, req.lang).text }),
      participation: p,
      messages,
      notAnswered: notAnsweredList(p, req.lang),
      // Letters for the Member States the mail did not reach, while the survey is open.
      letters: req.user!.role === 'admin' && p.survey.status === 'open'
        ? { failed: p.rows.filter((r) => messages.get(r.memberStateId)?.last?.status === 'failed').map((r) => r.iso3) }
        : null,
    });
  });

  router.get('/proposals', allow('admin', 'staff'), async (req: Request<{ id: string }>, res) => {
    await renderProposals(deps, req, res, idParam(req.params.id));
  });

  const decide = (kind: 'accept' | 'decline') => async (req: Request<{ id: string; proposalId: string }>, res: Response) => {
    const surveyId = idParam(req.params.id);
    const proposalId = idParam(req.params.proposalId);
    const field = kind === 'accept' ? 'label' : 'reason';
    const value = typeof req.body?.[field] === 'string' ? req.body[field] : '';
    const proposal = (await proposalsFor(deps, req.user!, surveyId)).find((p) => p.id === proposalId);
    if (!proposal) throw new AppError('not_found', 'errors.notFound');
    try {
      if (kind === 'accept') await acceptProposal(deps, req.user!, proposalId, { label: value });
      else await declineProposal(deps, req.user!, proposalId, { reason: value });
      res.redirect(303, `/admin/surveys/${surveyId}/proposals`);
    } catch (error) {
      const refusal = refusalOf(error, DECISION_REFUSALS);
      if (refusal) {
        switch (refusal.kind) {
          case 'proposal-decided':
          case 'options-frozen':
            return renderProposals(deps, req, res, surveyId, refusalStatus(refusal), { proposalId, general: [refusalText(req, refusal)], fields: {}, values: { [field]: value } });
          default:
            return assertNever(refusal);
        }
      }
      if (!(error instanceof AppError) || error.kind !== 'invalid') throw error;
      const fields: Record<string, string> = {};
      const general: string[] = [];
      for (const f of error.fields) {
        if (f.field === field) fields[`p${proposalId}-${field}`] ??= req.t(f.key, f.params);
        else general.push(req.t(f.key, f.params));
      }
      if (error.fields.length === 0) general.push(req.t(error.key, error.params));
      await renderProposals(deps, req, res, surveyId, HTTP_STATUS[error.kind], { proposalId, general, fields, values: { [field]: value } });
    }
  };

  router.post('/proposals/:proposalId/accept', allow('admin'), decide('accept'));
  router.post('/proposals/:proposalId/decline', allow('admin'), decide('decline'));

  return router;
}
