import { Router, type Request } from 'express';
import type { Deps } from '../../domain/deps.js';
import { MESSAGE_KINDS, MESSAGE_STATUSES, outboxMessage, outboxOverview, previewMessages, type MessageKind, type MessageStatus } from '../../domain/mail/queries.js';
import { reminderOverview, sendReminderNow, setReminderSchedule } from '../../domain/mail/reminders.js';
import { missionAddresses, setMissionAddress } from '../../domain/mail/mission-addresses.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { titleIn } from '../view-models/admin-surveys.js';

function oneOf<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The Outbox page, each message in full, and the previews of every kind. */
export function adminOutboxPages(deps: Deps): Router {
  const router = Router();
  router.use(allow('admin'));

  router.get('/', async (req, res) => {
    const filter = { status: oneOf<MessageStatus>(MESSAGE_STATUSES, req.query.status), kind: oneOf<MessageKind>(MESSAGE_KINDS, req.query.kind) };
    const overview = await outboxOverview(deps, req.user!, filter);
    res.render('admin/outbox/index', { title: req.t('mail.outbox.title'), overview, filter, statuses: MESSAGE_STATUSES, kinds: MESSAGE_KINDS });
  });

  router.get('/previews', (req, res) => {
    res.render('admin/outbox/previews', { title: req.t('mail.preview.title'), previews: previewMessages(deps, req.user!) });
  });

  router.get('/:id', async (req, res) => {
    const message = await outboxMessage(deps, req.user!, idParam(req.params.id));
    res.render('admin/outbox/message', { title: req.t('mail.outbox.messageTitle', { id: message.id }), message });
  });
  return router;
}

/** A survey's reminders: its schedule, and "send a reminder now" with a preview and the number of recipients. */
export function adminReminderPages(deps: Deps): Router {
  const router = Router({ mergeParams: true });
  router.use(allow('admin'));

  const render = async (req: Request<{ surveyId: string }>, status: number, extra: { errors?: Record<string, string>; values?: Record<string, string>; done?: string | null } = {}) => {
    const overview = await reminderOverview(deps, req.user!, idParam(req.params.surveyId));
    return {
      status,
      locals: {
        title: req.t('mail.reminders.title', { title: titleIn(overview.survey, req.lang).text }), overview,
        values: extra.values ?? { hoursBefore: overview.hoursBefore.join(', ') }, errors: extra.errors ?? {}, done: extra.done ?? null,
      },
    };
  };

  router.get('/', async (req: Request<{ surveyId: string }>, res) => {
    const done = req.query.saved === '1' ? req.t('mail.reminders.saved') : typeof req.query.sent === 'string' && /^\d+$/.test(req.query.sent)
      ? req.t('mail.reminders.sent', { count: Number(req.query.sent) }) : null;
    const { status, locals } = await render(req, 200, { done });
    res.status(status).render('admin/outbox/reminders', locals);
  });

  router.post('/schedule', async (req: Request<{ surveyId: string }>, res) => {
    const surveyId = idParam(req.params.surveyId);
    try {
      await setReminderSchedule(deps, req.user!, surveyId, { hoursBefore: typeof req.body?.hoursBefore === 'string' ? req.body.hoursBefore : '' });
      res.redirect(303, `/admin/surveys/${surveyId}/reminders?saved=1`);
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      const { locals } = await render(req, 422, { errors, values: { hoursBefore: String(req.body?.hoursBefore ?? '') } });
      res.status(422).render('admin/outbox/reminders', locals);
    }
  });

  router.post('/send', async (req: Request<{ surveyId: string }>, res) => {
    const surveyId = idParam(req.params.surveyId);
    const count = await sendReminderNow(deps, req.user!, surveyId);
    res.redirect(303, `/admin/surveys/${surveyId}/reminders?sent=${count}`);
  });
  return router;
}

/** Mission addresses: one form per Member State. */
export function adminMissionAddressPages(deps: Deps): Router {
  const router = Router();
  router.use(allow('admin'));

  const render = async (req: Request, status: number, state: { id?: number; error?: string; value?: string; done?: string | null } = {}) => {
    const states = await missionAddresses(deps, req.user!);
    return { status, locals: { title: req.t('mail.missions.title'), states, state } };
  };

  router.get('/', async (req, res) => {
    const savedId = typeof req.query.saved === 'string' && /^\d+$/.test(req.query.saved) ? Number(req.query.saved) : undefined;
    const { locals } = await render(req, 200);
    const saved = savedId === undefined ? undefined : locals.states.find((m) => m.id === savedId);
    res.render('admin/outbox/missions', { ...locals, state: { done: saved ? req.t('mail.missions.saved', { name: saved[`name_${req.lang}`] }) : null } });
  });

  router.post('/:id', async (req, res) => {
    const id = idParam(req.params.id);
    try {
      await setMissionAddress(deps, req.user!, id, { address: typeof req.body?.address === 'string' ? req.body.address : '' });
      res.redirect(303, `/admin/mission-addresses?saved=${id}#ms-${id}`);
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      const { locals } = await render(req, 422, { id, error: errors.address ?? errors._, value: String(req.body?.address ?? '') });
      res.status(422).render('admin/outbox/missions', locals);
    }
  });
  return router;
}
