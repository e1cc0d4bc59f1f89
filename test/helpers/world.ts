// A database with someone of every kind in it and something of every kind to ask for: the ground
// that the route-by-route and fuzzing tests attack.
import { createEvent } from '../../server/domain/overviews/events.js';
import { reviewOverview, saveOverview } from '../../server/domain/overviews/overviews.js';
import { attachOverviewPdf } from '../../server/domain/overviews/attachments.js';
import { buildPdf } from './pdf.js';
import type { Express } from 'express';
import { createApiToken } from '../../server/domain/api-tokens.js';
import { setFocalPoint } from '../../server/domain/delegation.js';
import { submitBallot } from '../../server/domain/ballots.js';
import { proposeTopic } from '../../server/domain/proposals.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import { createTestUser } from './accounts.js';
import type { TestContext } from './context.js';
import type { RouteEntry } from './routes.js';
import { createSignedIn, type SignedIn, type TestAccount } from './signed-in.js';
import { createTestSurvey } from './surveys.js';

/**
 * Who asks: signed out; a delegate of the Member State whose ballot, receipt and proposal exist,
 * who is also its focal point; a delegate of another member; an observer's delegate; staff; an
 * administrator.
 */
export const ROLES = ['signedOut', 'voter', 'otherDelegate', 'observer', 'staff', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface World {
  readonly s: SignedIn;
  readonly ctx: TestContext;
  readonly app: Express;
  readonly accounts: Readonly<Record<Exclude<Role, 'signedOut'>, TestAccount>>;
  /** The open survey with the voter's ballot and proposal; the second one, which administrators' actions change. */
  readonly surveyId: number;
  readonly changedSurveyId: number;
  readonly proposalId: number;
  readonly receipt: string;
  /** The questions of the first survey, with their options' ids. */
  readonly questions: readonly { readonly id: number; readonly optionIds: readonly number[] }[];
  /** An account that administrators' actions change (disable, reset, tokens). */
  readonly spareUserId: number;
  /** An API token of that account, for the routes that revoke one. */
  readonly spareTokenId: number;
  readonly memberStateId: number;
  /** A delegate of the voter's Member State, whose account its focal point disables and re-enables. */
  readonly colleagueUserId: number;
  /** A message in the outbox (the opening notices of the surveys are queued). */
  readonly outboxMessageId: number;
  /** An event with an open call, and the voter's Member State's overview for it, published, with a PDF attached. */
  readonly eventId: number;
  readonly overviewId: number;
}

export async function createWorld(): Promise<World> {
  const s = await createSignedIn({ memberStates: ['CHL', 'ARG'], observers: ['VAT'] });
  const { ctx } = s;
  const accounts = {
    voter: await s.createDelegate('CHL'),
    otherDelegate: await s.createDelegate('ARG'),
    observer: await s.createDelegate('VAT'),
    staff: await s.createStaff(),
    admin: s.admin,
  };
  await setFocalPoint(ctx.deps, s.admin.actor, accounts.voter.user.id, { focalPoint: 'yes' });
  const colleague = await createTestUser(ctx.deps, 'delegate', { memberState: 'CHL' });
  const survey = await openSurvey(ctx.deps, s.admin.actor, (await createTestSurvey(ctx.deps, s.admin.actor)).id);
  const changed = await openSurvey(ctx.deps, s.admin.actor, (await createTestSurvey(ctx.deps, s.admin.actor)).id);
  const [q1, q2] = survey.questions;
  const { receipt } = await submitBallot(ctx.deps, accounts.voter.actor, survey.id, {
    answers: [{ question: q1!.id, ranking: [q1!.options[0]!.id] }, { question: q2!.id, abstain: true }],
  }, { channel: 'web' });
  const proposal = await proposeTopic(ctx.deps, accounts.voter.actor, survey.id, { question: q2!.id, title: 'Migration and health' });
  const spare = await createTestUser(ctx.deps, 'staff');
  const spareToken = await createApiToken(ctx.deps, null, spare.id);
  const event = await createEvent(ctx.deps, s.admin.actor, {
    title: { en: 'Return migration' }, call: { deadline: '2099-01-01T00:00:00Z', sections: [{ heading: { en: 'Policy' } }] },
  });
  const overview = await saveOverview(ctx.deps, accounts.voter.actor, event.id, {
    language: 'en', title: 'Return', sections: [{ text: 'Our policy.' }], submit: true,
    translations: [{ language: 'fr', title: 'Retour', sections: [{ text: 'Notre politique.' }] }],
  });
  await attachOverviewPdf(ctx.deps, accounts.voter.actor, event.id, { name: 'return.pdf', file: buildPdf() });
  await reviewOverview(ctx.deps, s.admin.actor, overview.id, 'publish', {});
  return {
    s, ctx, app: await s.app(), accounts, surveyId: survey.id, changedSurveyId: changed.id, proposalId: proposal.id, receipt,
    questions: survey.questions.map((q) => ({ id: q.id, optionIds: q.options.map((o) => o.id) })),
    spareUserId: spare.id, spareTokenId: spareToken.id, memberStateId: s.memberStates.ARG!.id,
    colleagueUserId: colleague.id,
    outboxMessageId: Number((await ctx.db('outbox_messages').min({ id: 'id' }).first())!.id),
    eventId: event.id, overviewId: overview.id,
  };
}

/** The route's path with real ids in it. */
export function urlOf(w: World, route: Pick<RouteEntry, 'path'>): string {
  const changesSurvey = /\/surveys\/:id\/(edit|duplicate|open|close|reopen|publish|closing-time|reopen-options)$/.test(route.path);
  return route.path.replace(/:(\w+)/g, (_, name: string) => {
    switch (name) {
      case 'id':
        if (/\/users\/:id/.test(route.path)) return String(w.spareUserId);
        if (route.path.startsWith('/delegation/accounts/')) return String(w.colleagueUserId);
        if (route.path.startsWith('/admin/member-states/') || route.path.startsWith('/admin/mission-addresses/')) return String(w.memberStateId);
        if (route.path.startsWith('/admin/outbox/')) return String(w.outboxMessageId);
        if (/^(\/api\/v1)?(\/admin)?\/events\//.test(route.path)) return String(w.eventId);
        if (/^(\/api\/v1)?(\/admin)?\/overviews\//.test(route.path)) return String(w.overviewId);
        return String(changesSurvey ? w.changedSurveyId : w.surveyId);
      case 'surveyId': return String(w.surveyId);
      case 'proposalId': return String(w.proposalId);
      case 'tokenId': return String(w.spareTokenId);
      case 'token': return 'no-such-link';
      case 'code': return w.receipt;
      // The world's overview is in English, with a French translation.
      case 'lang': return 'fr';
      case 'file': return 'participation.csv';
      default: throw new Error(`no value for :${name} in ${route.path}`);
    }
  });
}

