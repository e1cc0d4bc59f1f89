// Many Member States at once, each with a delegate holding an API token, an administrator who can
// sign in, and the PRODUCT.md survey opened: what the tests that drive the running server need.
import { createApiToken } from '../../server/domain/api-tokens.js';
import { createUser } from '../../server/domain/accounts.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { importMemberStates } from '../../server/domain/member-states.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestUser, PASSWORD } from './accounts.js';
import { actorOf, createTestSurvey } from './surveys.js';

export interface Delegation {
  readonly memberStateId: number;
  readonly iso3: string;
  /** The bearer token of the Member State's delegate (without "Bearer "). */
  readonly token: string;
}

export interface Delegations {
  readonly admin: { readonly actor: Actor; readonly email: string; readonly password: string };
  /** Every Member State made, by code, in order. */
  readonly memberStates: readonly { readonly id: number; readonly iso3: string }[];
  /** Delegates of the first Member States, as many as asked for. */
  readonly delegates: readonly Delegation[];
}

/** AAA, AAB, …, AAZ, ABA, …: well-formed codes, in order. */
export function syntheticIso3(i: number): string {
  const letter = (n: number) => String.fromCharCode(65 + (n % 26));
  return `${letter(Math.floor(i / 676))}${letter(Math.floor(i / 26))}${letter(i)}`;
}

/** `memberStates` Member States (one import), an administrator with PASSWORD, and `delegates` delegates with tokens. */
export async function seedDelegations(deps: Deps, options: { memberStates: number; delegates: number }): Promise<Delegations> {
  const adminUser = await createTestUser(deps, 'admin');
  const admin = actorOf(adminUser);
  const codes = Array.from({ length: options.memberStates }, (_, i) => syntheticIso3(i));
  const csv = ['iso3,name_en,name_fr,name_es,status', ...codes.map((c) => `${c},Member State ${c},État membre ${c},Estado miembro ${c},member`)].join('\n');
  const report = await importMemberStates(deps, admin, csv);
  if (report.created !== codes.length) throw new Error(`${report.created} Member States created of ${codes.length}`);
  const ids = new Map((await deps.db.readers('member_states').select('id', 'iso3')).map((r) => [String(r.iso3), Number(r.id)]));
  const memberStates = codes.map((iso3) => ({ id: ids.get(iso3)!, iso3 }));
  const delegates: Delegation[] = [];
  for (const { id, iso3 } of memberStates.slice(0, options.delegates)) {
    const { user } = await createUser(deps, admin, { email: `delegate.${iso3.toLowerCase()}@example.org`, displayName: `Delegate of ${iso3}`, role: 'delegate', memberState: iso3, language: 'en' });
    delegates.push({ memberStateId: id, iso3, token: (await createApiToken(deps, admin, user.id)).token });
  }
  return { admin: { actor: admin, email: adminUser.email, password: PASSWORD }, memberStates, delegates };
}

/** The test survey (two questions: options A, B; and (a) to (d)), opened. */
export async function openTestSurvey(deps: Deps, admin: Actor, overrides: Record<string, unknown> = {}): Promise<Survey> {
  return openSurvey(deps, admin, (await createTestSurvey(deps, admin, overrides)).id);
}

/** A seeded random number generator (mulberry32): the same `seed`, the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid API ballot for the test survey: a random non-empty ranking of each question's options. */
export function randomBallot(survey: Survey, random: () => number): { answers: { question: number; ranking: number[] }[] } {
  return {
    answers: survey.questions.map((q) => {
      const ids = q.options.map((o) => o.id);
      for (let i = ids.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      return { question: q.id, ranking: ids.slice(0, 1 + Math.floor(random() * ids.length)) };
    }),
  };
}
