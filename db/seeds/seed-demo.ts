// Fills an empty database with the demo consultation, through the domain functions, so that every
// rule holds and every change is in the audit log. The same data every time: a seeded generator
// makes the choices, and times are counted back from the clock's "now".
import { createUser, loadActor } from '../../server/domain/accounts.js';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Clock } from '../../server/domain/clock.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { createMemberState } from '../../server/domain/member-states.js';
import { createEventsFromSurvey, updateEvent } from '../../server/domain/overviews/events.js';
import { reviewOverview, saveOverview, type OverviewStatus } from '../../server/domain/overviews/overviews.js';
import { saveTranslation } from '../../server/domain/overviews/translation-changes.js';
import { declineProposal, proposeTopic } from '../../server/domain/proposals.js';
import { createSurvey } from '../../server/domain/surveys/authoring.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import type { Language } from '../../server/i18n/languages.js';
import {
  currentSurveyInput, DEMO_COMMENTS, DEMO_EMAIL_DOMAIN, DEMO_MEMBER_STATES, DEMO_PASSWORDS, previousSurveyInput,
} from './demo-content.js';
import { DEMO_OVERVIEW_TRANSLATIONS, type DemoTranslation } from './demo-overview-translations.js';
import { DEMO_CALL_MAX_WORDS, DEMO_CALL_SECTIONS, DEMO_WORKSHOPS, type DemoOverview } from './demo-overviews.js';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The database is not empty: the demo never mixes its data with real data. */
export class DemoRefusal extends Error {}

/** A small seeded generator (mulberry32): the demo makes the same choices on every run. */
export interface DemoRandom {
  /** A number in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** All items, heavier ones more likely to come first. */
  weightedOrder<T>(items: readonly T[], weights: readonly number[]): T[];
}

export function createDemoRandom(seed: number): DemoRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: (items) => items[int(items.length)]!,
    weightedOrder(items, weights) {
      const pool = items.map((item, i) => ({ item, weight: weights[i] ?? 1 }));
      const order: (typeof items)[number][] = [];
      while (pool.length > 0) {
        let r = next() * pool.reduce((sum, p) => sum + p.weight, 0);
        let i = 0;
        while (i < pool.length - 1 && r >= pool[i]!.weight) r -= pool[i++]!.weight;
        order.push(pool.splice(i, 1)[0]!.item);
      }
      return order;
    },
  };
}

/** A clock the seeding moves by hand, so the demo has a believable history. */
function steppingClock(start: number): Clock & { set(ms: number): void } {
  let now = start;
  return { now: () => new Date(now), set: (ms) => { now = ms; } };
}

export interface DemoAccount {
  readonly role: 'admin' | 'staff' | 'delegate';
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly memberState: string | null;
}

export interface DemoSummary {
  readonly accounts: readonly DemoAccount[];
  readonly memberStates: number;
  readonly observers: number;
  readonly currentSurveyId: number;
  readonly previousSurveyId: number;
  /** Of the current survey. */
  readonly ballots: number;
  readonly revisions: number;
  readonly pendingProposals: number;
  readonly declinedProposals: number;
  /** The workshops last year's survey retained, with their overviews. */
  readonly workshops: readonly {
    readonly eventId: number; readonly title: string; readonly startsOn: string; readonly endsOn: string; readonly place: string; readonly callDeadline: string;
  }[];
  readonly overviews: Readonly<Record<OverviewStatus, number>>;
  /** Translations of overviews into another working language, all of them published. */
  readonly translations: number;
}

/** How a Member State answers the current survey. */
interface VoterPlan {
  readonly iso3: string;
  /** How many revisions, and which delegate (1 or 2) submits each. */
  readonly by: readonly (1 | 2)[];
  readonly channel?: 'api' | 'paper' | 'note-verbale';
  readonly abstainOn?: 0 | 1;
}

const CURRENT_VOTERS: readonly VoterPlan[] = [
  { iso3: 'ARG', by: [1] },
  { iso3: 'BGD', by: [1] },
  { iso3: 'BEL', by: [1] },
  { iso3: 'FRA', by: [1, 2, 1] },
  { iso3: 'BRA', by: [1] },
  { iso3: 'CAN', by: [1], channel: 'api' },
  { iso3: 'MEX', by: [1, 1, 2, 2] },
  { iso3: 'CHL', by: [1] },
  { iso3: 'COL', by: [1] },
  { iso3: 'ETH', by: [1], channel: 'paper' },
  { iso3: 'DEU', by: [1], channel: 'api', abstainOn: 0 },
  { iso3: 'EGY', by: [1], abstainOn: 1 },
  { iso3: 'PHL', by: [1, 2] },
  { iso3: 'GHA', by: [1] },
  { iso3: 'MAR', by: [1] },
  { iso3: 'CHE', by: [1, 2] },
  { iso3: 'GTM', by: [1], channel: 'note-verbale' },
  { iso3: 'SEN', by: [1] },
  { iso3: 'ESP', by: [1] },
  { iso3: 'USA', by: [1], channel: 'api' },
];

function rankingFor(random: DemoRandom, survey: Survey, questionIndex: number, weights: readonly number[], minRanks: number) {
  const q = survey.questions[questionIndex]!;
  const order = random.weightedOrder(q.options.map((o) => o.id), weights);
  return order.slice(0, minRanks + random.int(q.options.length - minRanks + 1));
}

function commentIn(random: DemoRandom, language: Language): string {
  return random.pick(DEMO_COMMENTS[language]);
}

/** Why the demo may not fill this database, or null when it is empty. */
export async function demoRefusalReason(db: Deps['db']): Promise<string | null> {
  const count = async (table: string) => Number((await db.readers(table).count<{ n: number | string }[]>({ n: '*' }))[0]?.n ?? 0);
  const present = { users: await count('users'), surveys: await count('surveys'), memberStates: await count('member_states') };
  if (present.users === 0 && present.surveys === 0 && present.memberStates === 0) return null;
  return `The database is not empty (${present.users} accounts, ${present.surveys} surveys, ${present.memberStates} Member States). `
    + 'The demo only fills an empty database; point DATA_DIR or DATABASE_URL at a new one.';
}

/**
 * Seeds the demo consultation into an empty, migrated database. Times are counted back from
 * deps.clock: accounts a year and more ago, last year's survey closed and published, this year's
 * survey opened five days ago and closing in nine days.
 */
export async function seedDemo(deps: Deps, options: { randomSeed?: number } = {}): Promise<DemoSummary> {
  const refusal = await demoRefusalReason(deps.db);
  if (refusal) throw new DemoRefusal(refusal);

  const random = createDemoRandom(options.randomSeed ?? 2008);
  const end = deps.clock.now().getTime();
  const clock = steppingClock(end - 410 * DAY);
  const d: Deps = { ...deps, clock };
  const tick = (minutes = 2) => clock.set(clock.now().getTime() + minutes * MINUTE);
  const accounts: DemoAccount[] = [];

  const addUser = async (creator: Actor | null, account: Omit<DemoAccount, 'password'> & { language: Language }): Promise<Actor> => {
    const password = DEMO_PASSWORDS[account.role];
    const { user } = await createUser(d, creator, {
      email: account.email, displayName: account.displayName, role: account.role, memberState: account.memberState ?? undefined, language: account.language,
    }, password);
    accounts.push({ role: account.role, email: account.email, password, displayName: account.displayName, memberState: account.memberState });
    tick();
    return (await loadActor(d, user.id))!;
  };

  // The Administration and the membership, a little over a year ago.
  const admin = await addUser(null, { role: 'admin', email: `admin@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo administrator', memberState: null, language: 'en' });
  await addUser(admin, { role: 'staff', email: `staff@${DEMO_EMAIL_DOMAIN}`, displayName: 'Demo staff member', memberState: null, language: 'fr' });
  for (const m of DEMO_MEMBER_STATES) {
    await createMemberState(d, admin, { iso3: m.iso3, names: m.names, status: m.status });
    tick(1);
  }
  const delegates = new Map<string, Actor[]>();
  for (const m of DEMO_MEMBER_STATES) {
    const team: Actor[] = [];
    for (let k = 1; k <= m.delegates; k++) {
      team.push(await addUser(admin, {
        role: 'delegate',
        email: `${k === 1 ? 'delegate' : `delegate${k}`}.${m.iso3.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`,
        displayName: `${k === 1 ? 'Delegate' : 'Second delegate'} of ${m.names.en}`,
        memberState: m.iso3,
        language: m.language,
      }));
    }
    delegates.set(m.iso3, team);
  }
  const languageOf = new Map(DEMO_MEMBER_STATES.map((m) => [m.iso3, m.language]));
  const delegate = (iso3: string, k: 1 | 2 = 1) => delegates.get(iso3)![k - 1]!;

  // Last year's survey: opened, answered, closed and published.
  clock.set(end - 385 * DAY);
  const previousCloses = new Date(end - 366 * DAY);
  previousCloses.setUTCHours(16, 0, 0, 0);
  const previous = await createSurvey(d, admin, previousSurveyInput(previousCloses.toISOString()));
  clock.set(end - 384 * DAY);
  await openSurvey(d, admin, previous.id);
  const members = DEMO_MEMBER_STATES.filter((m) => m.status === 'member').map((m) => m.iso3);
  const previousVoters = random.weightedOrder(members, members.map(() => 1)).slice(0, 18);
  // The workshop rankings draw from a generator of their own, so that this year's ballots stay
  // the ones they were before last year's survey asked about workshops.
  const workshopRandom = createDemoRandom(2007);
  for (const [i, iso3] of previousVoters.entries()) {
    clock.set(end - 383 * DAY + i * 14 * HOUR + random.int(300) * MINUTE);
    const [q, w] = previous.questions as [Survey['questions'][number], Survey['questions'][number]];
    const answers = [
      i === 5 ? { question: q.id, abstain: true } : { question: q.id, ranking: rankingFor(random, previous, 0, [5, 3, 2], 1) },
      { question: w.id, ranking: rankingFor(workshopRandom, previous, 1, [5, 4, 1.5, 1], 1) },
    ];
    await submitBallot(d, delegate(iso3), previous.id, { answers }, { channel: 'web' });
  }
  clock.set(previousCloses.getTime() + 2 * HOUR);
  await closeSurvey(d, admin, previous.id);
  clock.set(previousCloses.getTime() + 3 * DAY);
  await publishSurvey(d, admin, previous.id);

  const workshops = await seedWorkshops(d, clock, admin, previous, (iso3) => delegates.get(iso3)!, end);

  // This year's survey: prepared six days ago, opened five days ago, closing in nine days.
  clock.set(end - 6 * DAY);
  const closes = new Date(end + 9 * DAY);
  closes.setUTCHours(16, 0, 0, 0);
  const created = await createSurvey(d, admin, currentSurveyInput(closes.toISOString()));
  const opensAt = end - 5 * DAY;
  clock.set(opensAt);
  const survey = await openSurvey(d, admin, created.id);
  const [theme, topics] = survey.questions as [Survey['questions'][number], Survey['questions'][number]];

  // Everything delegations and the Administration do while the survey is open, in time order.
  const events: { at: number; run: () => Promise<unknown> }[] = [];
  const span = 5 * DAY - 2 * HOUR;
  CURRENT_VOTERS.forEach((plan, i) => {
    const first = opensAt + Math.floor(((i + 0.5) / CURRENT_VOTERS.length) * span * 0.8) + random.int(120) * MINUTE;
    const language = languageOf.get(plan.iso3)!;
    let at = first;
    plan.by.forEach((k, r) => {
      const answers: Record<string, unknown>[] = [
        plan.abstainOn === 0
          ? { question: theme.id, abstain: true }
          : { question: theme.id, ranking: rankingFor(random, survey, 0, [0.65, 0.35], 1) },
        plan.abstainOn === 1
          ? { question: topics.id, abstain: true }
          : {
            question: topics.id,
            ranking: rankingFor(random, survey, 1, [0.32, 0.28, 0.14, 0.26], 1),
            ...(random.chance(0.2) ? { comment: commentIn(random, language) } : {}),
          },
      ];
      const input = {
        // A revision says which revision it was made from, as the ballot page does.
        ...(plan.channel === 'api' ? {} : { baseRevision: r }),
        answers,
        comments: random.chance(0.4) ? commentIn(random, language) : '',
      };
      if (r > 0) at += (3 + random.int(20)) * HOUR;
      const byAdmin = plan.channel === 'paper' || plan.channel === 'note-verbale';
      events.push({
        at: Math.min(at, end - 30 * MINUTE),
        run: () => (byAdmin
          ? submitBallot(d, admin, survey.id, input, { channel: plan.channel as 'paper' | 'note-verbale', memberStateId: delegate(plan.iso3).memberStateId! })
          : submitBallot(d, delegate(plan.iso3, k), survey.id, input, { channel: plan.channel === 'api' ? 'api' : 'web' })),
      });
    });
  });

  let pendingProposals = 0;
  let declinedProposals = 0;
  events.push({
    at: opensAt + 20 * HOUR,
    run: async () => {
      await proposeTopic(d, delegate('PHL'), survey.id, {
        question: topics.id, language: 'en', title: 'Protection of migrant domestic workers',
        description: 'Recruitment, working conditions and access to justice for migrant domestic workers, most of them women.',
      });
      pendingProposals += 1;
    },
  });
  events.push({
    at: opensAt + 26 * HOUR,
    run: async () => {
      const proposal = await proposeTopic(d, delegate('MEX'), survey.id, {
        question: topics.id, language: 'es', title: 'Migración laboral temporal y circular',
        description: 'Experiencias de programas de trabajo temporal entre países de origen y de destino.',
      });
      clock.set(clock.now().getTime() + 22 * HOUR);
      await declineProposal(d, admin, proposal.id, {
        reason: 'Already covered by topic (d), "Managing labour mobility in the evolving global economy"; the Administration will reflect it in that workshop\'s agenda.',
      });
      declinedProposals += 1;
    },
  });
  events.push({
    at: opensAt + 3 * DAY + 5 * HOUR,
    run: async () => {
      await proposeTopic(d, delegate('SEN'), survey.id, {
        question: topics.id, language: 'fr', title: 'Migration et santé',
        description: "L'accès des migrants aux soins de santé et la prise en compte de la santé dans la gestion des migrations.",
      });
      pendingProposals += 1;
    },
  });

  // The order matters for the revisions of one ballot, which the sort keeps (it is stable).
  events.sort((a, b) => a.at - b.at);
  for (const event of events) {
    clock.set(Math.max(event.at, clock.now().getTime() + MINUTE));
    await event.run();
  }

  return {
    accounts,
    memberStates: DEMO_MEMBER_STATES.length,
    observers: DEMO_MEMBER_STATES.filter((m) => m.status === 'observer').length,
    currentSurveyId: survey.id,
    previousSurveyId: previous.id,
    ballots: CURRENT_VOTERS.length,
    revisions: CURRENT_VOTERS.reduce((sum, p) => sum + p.by.length, 0),
    pendingProposals,
    declinedProposals,
    ...workshops,
  };
}

/**
 * The two workshops last year's survey retained, created from its count by the Administration's own
 * action, then given their place, dates, background paper and each its own call deadline. In the
 * story, "now" is the autumn before the year this year's survey (still open) chooses for; the
 * workshops that can have events already are the ones last year's survey chose, held in the coming
 * weeks. The delegations write over the last seven weeks, first a draft then the whole text, and the
 * Administration publishes, returns or withdraws what they submit, so that every state of the
 * review shows: published, submitted (waiting), returned with a comment, withdrawn, draft.
 */
async function seedWorkshops(
  d: Deps, clock: Clock & { set(ms: number): void }, admin: Actor, previous: Survey,
  team: (iso3: string) => readonly Actor[], end: number,
): Promise<Pick<DemoSummary, 'workshops' | 'overviews' | 'translations'>> {
  const day = (inDays: number) => new Date(end + inDays * DAY).toISOString().slice(0, 10);
  // A workshop opens on the Tuesday on or after the day its plan says.
  const tuesday = (inDays: number) => inDays + ((2 - new Date(end + inDays * DAY).getUTCDay() + 7) % 7);
  const callOf = (closesIn: number) => ({ deadline: `${day(closesIn)}T16:00:00.000Z`, maxWords: DEMO_CALL_MAX_WORDS, sections: DEMO_CALL_SECTIONS });
  const issued = end - 50 * DAY;
  clock.set(issued);
  const question = previous.questions[1]!;
  const created = await createEventsFromSurvey(d, admin, previous.id, { question: question.id, call: callOf(12) });
  const labelOf = new Map(question.options.map((o) => [o.id, o.label]));
  const steps: { at: number; run: () => Promise<unknown> }[] = [];
  const overviews: Record<OverviewStatus, number> = { draft: 0, submitted: 0, returned: 0, published: 0, withdrawn: 0 };
  const workshops: DemoSummary['workshops'][number][] = [];
  let translations = 0;
  for (const [w, event] of created.entries()) {
    const label = labelOf.get(event.optionId!) ?? '';
    const workshop = DEMO_WORKSHOPS[label];
    if (!workshop) throw new Error(`The demo has no overviews for the retained workshop "${event.title.en}".`);
    const translated = DEMO_OVERVIEW_TRANSLATIONS[label] ?? {};
    for (const iso3 of Object.keys(translated)) {
      // The demo shows translations on public pages: it translates published overviews only.
      if (!workshop.overviews.some((o) => o.iso3 === iso3 && o.fate.to === 'published')) throw new Error(`The demo translates an overview of ${iso3} that workshop ${label} has not published.`);
    }
    clock.set(clock.now().getTime() + 20 * MINUTE);
    const updated = await updateEvent(d, admin, event.id, {
      title: event.title, reference: workshop.reference, place: workshop.place,
      startsOn: day(tuesday(workshop.startsIn)), endsOn: day(tuesday(workshop.startsIn) + workshop.days - 1), call: callOf(workshop.callClosesIn),
    });
    workshops.push({ eventId: updated.id, title: updated.title.en, startsOn: updated.startsOn!, endsOn: updated.endsOn!, place: updated.place, callDeadline: updated.call!.deadline });
    workshop.overviews.forEach((o, i) => {
      // Each delegation starts some days after the call, a few hours apart from the others.
      const started = issued + (3 + i * 2.4 + w * 1.3) * DAY + ((i * 7 + w * 3) % 9) * HOUR;
      plan(steps, d, admin, event.id, o, translated[o.iso3] ?? [], started, team(o.iso3));
      overviews[o.fate.to] += 1;
      translations += translated[o.iso3]?.length ?? 0;
    });
  }
  // Time order across workshops; the steps of one overview keep theirs (the sort is stable).
  steps.sort((a, b) => a.at - b.at);
  if (steps.at(-1)!.at >= end - 6 * DAY) throw new Error('The overviews must be written and reviewed before this year\'s survey is prepared.');
  for (const step of steps) {
    clock.set(Math.max(step.at, clock.now().getTime() + MINUTE));
    await step.run();
  }
  return { workshops, overviews, translations };
}

/**
 * The saves and reviews of one overview, from a first draft to where the demo leaves it. A
 * delegation that translates its overview does so once the whole text is written, before
 * submitting it: the text is saved as a draft the day before, then each translation is saved, hours
 * apart, by the delegate who submits; each save is a revision of the overview.
 */
function plan(
  steps: { at: number; run: () => Promise<unknown> }[], d: Deps, admin: Actor, eventId: number, o: DemoOverview,
  translations: readonly DemoTranslation[], started: number, team: readonly Actor[],
): void {
  const writer = team[0]!;
  // Where a delegation has two delegates, the second one submits.
  const submitter = team[1] ?? writer;
  const full = o.sections.map((text) => ({ text }));
  // The first save holds the first two sections; the rest comes with the submission.
  const firstDraft = o.sections.map((text, i) => ({ text: i < 2 ? text : '' }));
  if (o.fate.to === 'draft') {
    steps.push({ at: started, run: () => saveOverview(d, writer, eventId, { baseRevision: 0, language: o.language, title: o.title, sections: firstDraft }) });
    steps.push({ at: started + 4 * DAY, run: () => saveOverview(d, writer, eventId, { baseRevision: 1, language: o.language, title: o.title, sections: full }) });
    return;
  }
  const submitted = started + (2 + (o.title.length % 3)) * DAY;
  let id = 0;
  steps.push({ at: started, run: async () => { id = (await saveOverview(d, writer, eventId, { baseRevision: 0, language: o.language, title: o.title, sections: firstDraft })).id; } });
  if (translations.length > 0) {
    steps.push({ at: submitted - DAY, run: () => saveOverview(d, writer, eventId, { baseRevision: 1, language: o.language, title: o.title, sections: full }) });
    for (const [k, t] of translations.entries()) {
      steps.push({
        at: submitted - DAY + (4 + 5 * k) * HOUR,
        run: () => saveTranslation(d, submitter, eventId, t.language, { baseRevision: 2 + k, title: t.title, sections: t.sections.map((text) => ({ text })) }),
      });
    }
  }
  // The submission is made from the first draft, or from the last translation.
  const base = translations.length > 0 ? 2 + translations.length : 1;
  steps.push({ at: submitted, run: () => saveOverview(d, submitter, eventId, { baseRevision: base, language: o.language, title: o.title, sections: full, submit: true }) });
  const fate = o.fate;
  if (fate.to === 'published' || fate.to === 'withdrawn') {
    steps.push({ at: submitted + 2 * DAY, run: () => reviewOverview(d, admin, id, 'publish', {}) });
  }
  if (fate.to === 'withdrawn') steps.push({ at: submitted + 9 * DAY, run: () => reviewOverview(d, admin, id, 'withdraw', { reason: fate.reason }) });
  if (fate.to === 'returned') steps.push({ at: submitted + 3 * DAY, run: () => reviewOverview(d, admin, id, 'return', { comment: fate.comment }) });
}
