// The set-up most tests share: a freshly migrated database, the app over it, an administrator
// (signed in and with an API token on request), and where wanted Member States, delegates and staff.
// `useSignedIn` and `useFreshDatabase` register the mocha hooks, so a test file states only what
// it needs beyond them.
import type { Express } from 'express';
import type { AppOptions } from '../../server/app.js';
import type { PublicUser } from '../../server/domain/accounts.js';
import { createApiToken } from '../../server/domain/api-tokens.js';
import type { Actor, Role } from '../../server/domain/deps.js';
import { listAllMemberStates, type MemberState } from '../../server/domain/member-states.js';
import { createTestMemberState, createTestUser } from './accounts.js';
import { signIn, type Agent } from './browser-session.js';
import { createTestContext, type TestContext } from './context.js';
import { actorOf } from './surveys.js';

export interface TestAccount {
  readonly user: PublicUser;
  /** The account as the actor of a domain function. */
  readonly actor: Actor;
  /** A supertest agent signed in with this account's password (signed in at the first call). */
  agent(): Promise<Agent>;
  /** `Bearer <token>` for a personal API token of this account (issued at the first call). */
  bearer(): Promise<string>;
}

export interface SignedInOptions {
  /** Member States to create, by ISO 3166-1 alpha-3 code, with the status `member`. */
  readonly memberStates?: readonly string[];
  /** Member States to create with the status `observer`. */
  readonly observers?: readonly string[];
  /** What the app is built with. */
  readonly app?: AppOptions;
}

export interface SignedIn {
  readonly ctx: TestContext;
  /** The app over this database, built at the first call. */
  app(): Promise<Express>;
  readonly admin: TestAccount;
  /** The Member States the options asked for, by code. */
  readonly memberStates: Readonly<Record<string, MemberState>>;
  /** A new staff account. */
  createStaff(): Promise<TestAccount>;
  /** A new delegate of a Member State created before (by the options or the test). */
  createDelegate(iso3: string): Promise<TestAccount>;
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

/** A fresh database with an administrator and the Member States asked for. Close `ctx` afterwards. */
export async function createSignedIn(options: SignedInOptions = {}): Promise<SignedIn> {
  const ctx = await createTestContext();
  try {
    const app = once(() => ctx.app(options.app));
    const memberStates: Record<string, MemberState> = {};
    for (const iso3 of options.memberStates ?? []) memberStates[iso3] = await createTestMemberState(ctx.deps, iso3);
    for (const iso3 of options.observers ?? []) memberStates[iso3] = await createTestMemberState(ctx.deps, iso3, 'observer');

    const account = async (role: Role, memberState?: MemberState): Promise<TestAccount> => {
      const user = await createTestUser(ctx.deps, role, memberState ? { memberState: memberState.iso3 } : {});
      return {
        user,
        actor: actorOf(user, memberState?.id ?? null),
        agent: once(async () => signIn(await app(), user.email)),
        bearer: once(async () => `Bearer ${(await createApiToken(ctx.deps, null, user.id)).token}`),
      };
    };
    const admin = await account('admin');
    const memberStateOf = async (iso3: string): Promise<MemberState> => {
      const known = memberStates[iso3] ?? (await listAllMemberStates(ctx.deps, admin.actor)).find((m) => m.iso3 === iso3);
      if (!known) throw new Error(`no Member State ${iso3} to give a delegate`);
      return known;
    };

    return {
      ctx,
      app,
      admin,
      memberStates,
      createStaff: () => account('staff'),
      createDelegate: async (iso3) => account('delegate', await memberStateOf(iso3)),
    };
  } catch (error) {
    await ctx.close();
    throw error;
  }
}

/**
 * Registers the hooks that give each test of the suite (or, with `scope: 'suite'`, the suite as a
 * whole) what `create` makes, hands it to `arrange`, and closes its context afterwards.
 */
function useFresh<T>(create: () => Promise<T>, contextOf: (made: T) => TestContext, arrange: (made: T) => unknown, scope: 'test' | 'suite'): void {
  let ctx: TestContext | undefined;
  const setUp = async () => {
    const made = await create();
    ctx = contextOf(made);
    await arrange(made);
  };
  const tearDown = async () => {
    const closing = ctx;
    ctx = undefined;
    await closing?.close();
  };
  if (scope === 'suite') {
    before(setUp);
    after(tearDown);
  } else {
    beforeEach(setUp);
    afterEach(tearDown);
  }
}

/** Each test of the suite gets its own `createSignedIn(options)`, handed to `arrange`. */
export function useSignedIn(options: SignedInOptions, arrange: (signedIn: SignedIn) => unknown): void {
  useFresh(() => createSignedIn(options), (s) => s.ctx, arrange, 'test');
}

/** Each test of the suite (or the suite as a whole) gets a freshly migrated database and nobody in it. */
export function useFreshDatabase(arrange: (ctx: TestContext) => unknown, options: { scope?: 'test' | 'suite' } = {}): void {
  useFresh(createTestContext, (ctx) => ctx, arrange, options.scope ?? 'test');
}
