import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { createSurvey, duplicateSurvey, updateSurvey } from '../../domain/surveys/authoring.js';
import { getSurvey, listSurveys, participationCounts } from '../../domain/surveys/queries.js';
import { METHODS } from '../../tally/index.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import {
  applyEditorAction, blankSurvey, editorErrors, editorFieldLabel, fieldsFromSurvey, parseEditorAction, parseSurveyForm, surveyInputFrom, translationStatus,
  type SurveyFields,
} from '../forms/survey.js';
import { allow } from '../middleware/roles.js';
import { titleIn } from '../view-models/admin-surveys.js';
import { adminSurveyLifecyclePages } from './admin-survey-lifecycle.js';
import { renderSurveyPage } from './admin-survey-page.js';
import { adminProposalPages } from './admin-proposals.js';

const view = allow('admin', 'staff');
const change = allow('admin');

interface EditorPage {
  readonly surveyId: number | null;
  readonly heading: string;
  readonly fields: SurveyFields;
  readonly errors?: Record<string, string>;
  readonly focus?: string;
}

function renderEditor(req: Request, res: Response, status: number, page: EditorPage): void {
  res.status(status).render('admin/surveys/form', {
    title: page.heading,
    surveyId: page.surveyId,
    values: page.fields,
    errors: page.errors ?? {},
    fieldLabel: editorFieldLabel(req.t),
    focus: page.focus ?? '',
    translations: translationStatus(page.fields),
    methods: METHODS,
  });
}

/**
 * The editor's POST: an add, remove or move button shows the form again with the change; the save
 * button hands the input to the domain, which writes all of it or nothing.
 */
async function handleEditorPost(req: Request, res: Response, surveyId: number | null, heading: string, save: (input: unknown) => Promise<{ id: number }>) {
  const fields = parseSurveyForm(req.body ?? {});
  const action = parseEditorAction(req.body?.action);
  if (action.kind !== 'save') {
    const focus = applyEditorAction(fields, action);
    return renderEditor(req, res, 200, { surveyId, heading, fields, focus });
  }
  try {
    const survey = await save(surveyInputFrom(fields));
    res.redirect(303, `/admin/surveys/${survey.id}?done=${surveyId === null ? 'created' : 'saved'}`);
  } catch (error) {
    const messages = fieldErrors(error, req.t);
    if (!messages || (error instanceof AppError && error.kind !== 'invalid')) throw error;
    renderEditor(req, res, 422, { surveyId, heading, fields, errors: editorErrors(messages) });
  }
}

export function adminSurveyPages(deps: Deps): Router {
  const router = Router();

  router.get('/', view, async (req, res) => {
    const [items, counts] = await Promise.all([listSurveys(deps, req.user!), participationCounts(deps, req.user!)]);
    const rows = items.map(({ survey }) => ({ survey, title: titleIn(survey, req.lang), answered: counts.answered.get(survey.id) ?? 0, eligible: counts.eligible }));
    res.render('admin/surveys/index', { title: req.t('adminSurveys.title'), rows });
  });

  router.get('/new', change, (req, res) => {
    renderEditor(req, res, 200, { surveyId: null, heading: req.t('adminSurveys.editor.newTitle'), fields: blankSurvey() });
  });

  router.post('/', change, async (req, res) => {
    await handleEditorPost(req, res, null, req.t('adminSurveys.editor.newTitle'), (input) => createSurvey(deps, req.user!, input));
  });

  router.get('/:id', view, async (req, res) => {
    await renderSurveyPage(deps, req, res, idParam(req.params.id));
  });

  router.get('/:id/edit', change, async (req, res) => {
    const survey = await getSurvey(deps, req.user!, idParam(req.params.id));
    // Opened surveys are frozen: their page shows them read-only.
    if (survey.status !== 'draft' || survey.storedStatus !== 'draft') return res.redirect(303, `/admin/surveys/${survey.id}`);
    renderEditor(req, res, 200, { surveyId: survey.id, heading: req.t('adminSurveys.editor.editTitle', { title: titleIn(survey, req.lang).text }), fields: fieldsFromSurvey(survey) });
  });

  router.post('/:id/edit', change, async (req, res) => {
    const id = idParam(req.params.id);
    const survey = await getSurvey(deps, req.user!, id);
    if (survey.storedStatus !== 'draft') {
      return renderSurveyPage(deps, req, res, id, 409, { action: 'edit', general: [req.t('errors.surveyFrozen')], fields: {}, values: {} });
    }
    const heading = req.t('adminSurveys.editor.editTitle', { title: titleIn(survey, req.lang).text });
    try {
      await handleEditorPost(req, res, id, heading, (input) => updateSurvey(deps, req.user!, id, input));
    } catch (error) {
      // Opened by someone else between the page and the save.
      if (error instanceof AppError && error.kind === 'conflict') {
        return renderSurveyPage(deps, req, res, id, 409, { action: 'edit', general: [req.t(error.key, error.params)], fields: {}, values: {} });
      }
      throw error;
    }
  });

  router.post('/:id/duplicate', change, async (req, res) => {
    const id = idParam(req.params.id);
    const copy = await duplicateSurvey(deps, req.user!, id);
    res.redirect(303, `/admin/surveys/${copy.id}?done=duplicated&from=${id}`);
  });

  router.use('/:id', adminSurveyLifecyclePages(deps));
  router.use('/:id', adminProposalPages(deps));

  return router;
}
