// Reminders: on a schedule the administrator sets per survey (hours before the closing time,
// by default 7 days and 1 day), and on demand. Each point of a schedule is acted on once, by
// whichever process comes to it first (a row per point with a unique key), and reaches only the
// delegates of the Member States that have not answered. The closing notice of a survey that
// closes by its closing time goes out the same way, as the point 0 hours before it.
import { z } from 'zod';
import {
  claimReminderPoint, findReminderSchedule, listOpenSurveysWithClosingTime, listReminderPoints, saveReminderSchedule, setReminderPointMessages,
} from '../../data/outbox.js';
import { actorLabel, requireAdmin } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { Refused } from '../refusals.js';
import { loadSurveyOrThrow } from '../surveys/authoring.js';
import { effectiveStatus, type Survey } from '../surveys/model.js';
import { parseInput } from '../validation.js';
import { queueReminders, queueSurveyClosed, reminderRecipients } from './notices.js';
import { rendererFor, type RenderedMessage } from './render.js';

export const DEFAULT_REMINDER_HOURS: readonly number[] = [168, 24];
const HOUR = 60 * 60 * 1000;

const scheduleSchema = z.object({
  hoursBefore: z.string().trim().max(200, 'validation.tooLong').transform((value, ctx) => {
    if (value === '') return [];
    const parts = value.split(/[\s,;]+/).filter((p) => p !== '');
    const hours = parts.map(Number);
    if (hours.some((h) => !Number.isInteger(h) || h < 1 || h > 2160)) {
      ctx.addIssue({ code: 'custom', message: 'validation.mail.hours' });
      return z.NEVER;
    }
    return [...new Set(hours)].sort((a, b) => b - a);
  }),
});

export interface ReminderOverview {
  readonly survey: Survey;
  readonly status: ReturnType<typeof effectiveStatus>;
  readonly hoursBefore: readonly number[];
  readonly isDefault: boolean;
  readonly done: readonly { hoursBefore: number; closesAt: string; doneAt: string; messages: number }[];
  readonly recipients: { messages: number; memberStates: number };
  /** The reminder as it would go out now, in English, to the first delegate it would reach (or a sample). */
  readonly preview: RenderedMessage;
}

/** What the reminders page shows: the schedule, the points already sent, and who a reminder now would reach. */
export async function reminderOverview(deps: Deps, actor: Actor, surveyId: number): Promise<ReminderOverview> {
  requireAdmin(actor);
  const survey = await loadSurveyOrThrow(deps.db, surveyId);
  const [schedule, done] = await Promise.all([findReminderSchedule(deps.db, surveyId), listReminderPoints(deps.db, surveyId)]);
  const recipients = await reminderRecipients(deps.db, survey);
  const renderer = rendererFor(deps);
  const preview = renderer.render('reminder', 'en', {
    name: '…', survey: survey.title, memberState: { en: '…', fr: '…', es: '…' }, closesAt: survey.closesAt, url: renderer.url(`/surveys/${survey.id}/ballot`),
  });
  return {
    survey, status: effectiveStatus(survey, deps.clock.now()), hoursBefore: schedule ?? DEFAULT_REMINDER_HOURS, isDefault: schedule === undefined,
    done: done.filter((d) => d.hoursBefore > 0), recipients, preview,
  };
}

export async function setReminderSchedule(deps: Deps, actor: Actor, surveyId: number, input: unknown): Promise<readonly number[]> {
  requireAdmin(actor);
  const { hoursBefore } = parseInput(scheduleSchema, input ?? {});
  return deps.db.transaction(async (tx) => {
    const survey = await loadSurveyOrThrow(tx, surveyId);
    const before = (await findReminderSchedule(tx, surveyId)) ?? DEFAULT_REMINDER_HOURS;
    await saveReminderSchedule(tx, survey.id, hoursBefore, isoTime(deps.clock.now()));
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'survey.reminder-schedule', subjectType: 'survey', subjectId: surveyId,
      details: { from: { hoursBefore: before }, to: { hoursBefore } },
    });
    return hoursBefore;
  });
}

/** "Send a reminder now": to the delegates of every Member State that has not answered; recorded. */
export async function sendReminderNow(deps: Deps, actor: Actor, surveyId: number): Promise<number> {
  requireAdmin(actor);
  return deps.db.transaction(async (tx) => {
    const survey = await loadSurveyOrThrow(tx, surveyId);
    const status = effectiveStatus(survey, deps.clock.now());
    if (status !== 'open') throw new Refused({ kind: 'not-open' });
    const queued = await queueReminders(deps, tx, survey, null);
    if (queued === 0) throw new AppError('invalid', 'mail.reminders.nowNone');
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'survey.remind', subjectType: 'survey', subjectId: surveyId, details: { messages: queued },
    });
    return queued;
  });
}

/**
 * Queues what the schedules say is due now: for each open survey with a closing time, the
 * latest reminder point that has come (earlier ones that were missed are marked done without
 * messages, so nobody gets two reminders at once), and the closing notice once the closing
 * time has passed. Points that came before the survey opened are not sent. Safe to run from
 * several processes at once: each point is claimed in the transaction that queues its messages.
 */
export async function queueScheduledNotices(deps: Deps): Promise<{ reminders: number; closed: number }> {
  const now = deps.clock.now();
  const nowIso = isoTime(now);
  let reminders = 0;
  let closed = 0;
  for (const s of await listOpenSurveysWithClosingTime(deps.db)) {
    const closesAt = new Date(s.closesAt);
    // Read first: most rounds find the point due already done, and need not write.
    const done = new Set((await listReminderPoints(deps.db, s.id)).filter((p) => p.closesAt === s.closesAt).map((p) => p.hoursBefore));
    if (closesAt <= now) {
      if (done.has(0)) continue;
      closed += await deps.db.transaction(async (tx) => {
        if (!(await claimReminderPoint(tx, s.id, 0, s.closesAt, nowIso))) return 0;
        const survey = await loadSurveyOrThrow(tx, s.id);
        const n = await queueSurveyClosed(deps, tx, survey, s.closesAt);
        await setReminderPointMessages(tx, s.id, 0, s.closesAt, n);
        return n;
      });
      continue;
    }
    const hours = (await findReminderSchedule(deps.db, s.id)) ?? DEFAULT_REMINDER_HOURS;
    const due = hours.filter((h) => {
      const at = closesAt.getTime() - h * HOUR;
      return at <= now.getTime() && (s.openedAt === null || at >= new Date(s.openedAt).getTime());
    }).sort((a, b) => a - b);
    if (due.length === 0 || done.has(due[0]!)) continue;
    reminders += await deps.db.transaction(async (tx) => {
      const [latest, ...missed] = due;
      for (const h of missed) await claimReminderPoint(tx, s.id, h, s.closesAt, nowIso);
      if (!(await claimReminderPoint(tx, s.id, latest!, s.closesAt, nowIso))) return 0;
      const survey = await loadSurveyOrThrow(tx, s.id);
      if (effectiveStatus(survey, now) !== 'open') return 0;
      const n = await queueReminders(deps, tx, survey, `reminder:${s.id}:${latest}:${s.closesAt}`);
      await setReminderPointMessages(tx, s.id, latest!, s.closesAt, n);
      return n;
    });
  }
  return { reminders, closed };
}
