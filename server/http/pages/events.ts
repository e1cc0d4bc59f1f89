import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { listAllMemberStates, type MemberState } from '../../domain/member-states.js';
import {
  callProgress, countWrittenOverviews, DEFAULT_MAX_WORDS, createEvent, createEventsFromSurvey, getEvent, isCallOpen, planEventsFromSurvey, updateEvent,
} from '../../domain/overviews/events.js';
import { isInvited } from '../../domain/overviews/overviews.js';
import { callFromForm, eventFormField, eventFormValues, eventFromForm, formValues, sectionRows, type FormValues } from '../forms/event.js';
import { fieldErrors, type FieldMessages } from '../forms/field-errors.js';
import { idFromText, idParam } from '../forms/params.js';
import { allow, anySignedIn } from '../middleware/roles.js';
import { textIn } from '../view-models/overviews.js';

/** A domain error's messages keyed by the form's field names; null when it is not bad input. */
function formErrors(error: unknown, req: Request): FieldMessages | null {
  const messages = fieldErrors(error, req.t);
  if (!messages) return null;
  const out: FieldMessages = {};
  for (const [field, message] of Object.entries(messages)) out[field === '_' ? '_' : eventFormField(field)] ??= message;
  return out;
}

function memberStateIso3(memberStates: readonly MemberState[], ids: readonly number[] | null): string[] | null {
  if (ids === null) return null;
  const byId = new Map(memberStates.map((m) => [m.id, m.iso3]));
  return ids.map((id) => byId.get(id)).filter((x): x is string => x !== undefined);
}

/** One event's page: its facts and call for everyone signed in; where the call stands for the Administration. */
export function eventDetailPages(deps: Deps): Router {
  const router = Router();
  router.get('/:id', anySignedIn, async (req, res) => {
    const user = req.user!;
    const eventId = idParam(req.params.id);
    // The Administration sees where the call stands, which reads the event with it.
    const { event, rows } = user.role === 'admin' || user.role === 'staff'
      ? await callProgress(deps, user, eventId)
      : { event: await getEvent(deps, user, eventId), rows: null };
    const progress = rows?.sort((a, b) => a.memberState.names[req.lang].localeCompare(b.memberState.names[req.lang], req.lang)) ?? null;
    const counts = new Map<string, number>();
    for (const r of progress ?? []) counts.set(r.overview?.status ?? 'none', (counts.get(r.overview?.status ?? 'none') ?? 0) + 1);
    res.render('events/show', {
      title: textIn(event.title, req.lang).text,
      event, eventTitle: textIn(event.title, req.lang),
      open: isCallOpen(event.call, deps.clock.now()),
      sections: (event.call?.sections ?? []).map((s) => ({ heading: textIn(s.heading, req.lang), guidance: textIn(s.guidance, req.lang), suggestedWords: s.suggestedWords })),
      canWrite: user.role === 'delegate' && user.memberStateId !== null && isInvited(event, user.memberStateId),
      isAdmin: user.role === 'admin',
      progress, counts: Object.fromEntries(counts), saved: req.query.saved === '1',
    });
  });
  return router;
}

/** The Administration's event forms: new, edit, and the events made from a survey's retained options. */
export function adminEventPages(deps: Deps): Router {
  const router = Router();

  async function renderForm(req: Request, res: Response, view: {
    values: FormValues; errors: FieldMessages; action: string; heading: string; submitLabel: string; fixedSections?: number; status?: number;
  }, memberStates?: readonly MemberState[]) {
    res.status(view.status ?? 200).render('admin/events/form', {
      title: view.heading, values: view.values, errors: view.errors, rows: sectionRows(view.values), action: view.action,
      submitLabel: view.submitLabel, fixedSections: view.fixedSections ?? null, defaultMaxWords: DEFAULT_MAX_WORDS,
      memberStates: memberStates ?? await listAllMemberStates(deps, req.user!),
    });
  }

  router.get('/events/new', allow('admin'), async (req, res) => {
    await renderForm(req, res, { values: {}, errors: {}, action: '/admin/events', heading: req.t('events.new.title'), submitLabel: req.t('events.new.create') });
  });

  router.post('/events', allow('admin'), async (req, res) => {
    const values = formValues(req.body);
    try {
      const event = await createEvent(deps, req.user!, eventFromForm(values));
      res.redirect(303, `/events/${event.id}`);
    } catch (error) {
      const errors = formErrors(error, req);
      if (!errors) throw error;
      await renderForm(req, res, { values, errors, status: 422, action: '/admin/events', heading: req.t('events.new.title'), submitLabel: req.t('events.new.create') });
    }
  });

  async function editView(req: Request, eventId: number) {
    const [event, written] = await Promise.all([getEvent(deps, req.user!, eventId), countWrittenOverviews(deps, req.user!, eventId)]);
    return {
      event, action: `/admin/events/${eventId}`, heading: req.t('events.edit.title', { event: textIn(event.title, req.lang).text }),
      submitLabel: req.t('events.edit.save'),
      ...(written > 0 && event.call ? { fixedSections: event.call.sections.length } : {}),
    };
  }

  router.get('/events/:id/edit', allow('admin'), async (req, res) => {
    const view = await editView(req, idParam(req.params.id));
    const memberStates = await listAllMemberStates(deps, req.user!);
    await renderForm(req, res, { ...view, values: eventFormValues(view.event, memberStateIso3(memberStates, view.event.call?.invited ?? null)), errors: {} }, memberStates);
  });

  router.post('/events/:id', allow('admin'), async (req, res) => {
    const eventId = idParam(req.params.id);
    const values = formValues(req.body);
    try {
      await updateEvent(deps, req.user!, eventId, eventFromForm(values));
      res.redirect(303, `/events/${eventId}?saved=1`);
    } catch (error) {
      const errors = formErrors(error, req);
      if (!errors) throw error;
      await renderForm(req, res, { ...(await editView(req, eventId)), values, errors, status: 422 });
    }
  });

  async function renderFromSurvey(req: Request, res: Response, surveyId: number, values: FormValues, errors: FieldMessages, status = 200) {
    const plan = await planEventsFromSurvey(deps, req.user!, surveyId);
    const questions = plan.questions.filter((q) => q.retained.length > 0);
    res.status(status).render('admin/events/from-survey', {
      title: req.t('events.fromSurvey.title', { survey: textIn(plan.survey.title, req.lang).text }),
      survey: plan.survey,
      questions: questions.map((q) => ({
        id: q.id, title: textIn(q.title, req.lang),
        retained: q.retained.map((o) => ({ ...o, title: textIn(o.title, req.lang) })),
        toCreate: q.retained.filter((o) => o.eventId === null).length,
      })),
      values: { question: questions.find((q) => q.retained.some((o) => o.eventId === null))?.id.toString() ?? '', ...values },
      errors, rows: sectionRows(values), defaultMaxWords: DEFAULT_MAX_WORDS,
      memberStates: await listAllMemberStates(deps, req.user!),
    });
  }

  router.get('/surveys/:id/events', allow('admin'), async (req, res) => {
    await renderFromSurvey(req, res, idParam(req.params.id), {}, {});
  });

  router.post('/surveys/:id/events', allow('admin'), async (req, res) => {
    const surveyId = idParam(req.params.id);
    const values = formValues(req.body);
    const question = typeof values.question === 'string' ? idFromText(values.question) ?? values.question : undefined;
    const call = callFromForm(values);
    try {
      const created = await createEventsFromSurvey(deps, req.user!, surveyId, { question, ...(call ? { call } : {}) });
      res.redirect(303, `/events?created=${created.length}`);
    } catch (error) {
      const errors = formErrors(error, req);
      if (!errors) throw error;
      await renderFromSurvey(req, res, surveyId, values, errors, 422);
    }
  });

  return router;
}
