import { expect } from 'chai';
import { attemptSignIn, delayAfter, DEFAULT_SIGN_IN_POLICY, type SignInPolicy } from '../../server/domain/sign-in.js';
import { createTestUser, PASSWORD } from '../helpers/accounts.js';
import type { TestContext } from '../helpers/context.js';
import { useFreshDatabase } from '../helpers/signed-in.js';

const POLICY: SignInPolicy = {
  ...DEFAULT_SIGN_IN_POLICY,
  pair: { free: 2, firstDelaySeconds: 60, maxDelaySeconds: 240 },
};

describe('domain/sign-in', () => {
  it('delayAfter: nothing within the free failures, then doubling from the first wait up to the ceiling', () => {
    const rule = { free: 3, firstDelaySeconds: 10, maxDelaySeconds: 100 };
    expect([1, 2, 3, 4, 5, 6, 7, 8, 1000].map((n) => delayAfter(rule, n))).to.deep.equal([0, 0, 0, 10, 20, 40, 80, 100, 100]);
  });

  describe('attemptSignIn', () => {
    let ctx: TestContext;
    useFreshDatabase((c) => { ctx = c; });

    const attempt = (email: string, password: string, address = '192.0.2.1') =>
      attemptSignIn(ctx.deps, POLICY, { email, password, address, device: null });

    it('lets only the free failures and the one that starts the wait be heard when attempts arrive together', async () => {
      const user = await createTestUser(ctx.deps, 'staff');
      const outcomes = await Promise.all(Array.from({ length: 8 }, () => attempt(user.email, 'a guess')));
      expect(outcomes.filter((o) => o.kind === 'refused')).to.have.length(3);
      expect(outcomes.filter((o) => o.kind === 'wait')).to.have.length(5);
      // Waiting out the delay is enough: the refused-unheard attempts did not lengthen it.
      ctx.clock.advance(60_000);
      expect((await attempt(user.email, PASSWORD)).kind).to.equal('signed-in');
    });

    it('forgets failures a day after the last one', async () => {
      const user = await createTestUser(ctx.deps, 'staff');
      for (let i = 0; i < 3; i += 1) await attempt(user.email, 'a guess');
      ctx.clock.advance(24 * 3600 * 1000 + 1000);
      for (let i = 0; i < 2; i += 1) expect((await attempt(user.email, 'a guess')).kind).to.equal('refused');
      expect((await attempt(user.email, 'a guess')).kind, 'the third since the forgetting starts a wait').to.equal('refused');
      expect((await attempt(user.email, PASSWORD)).kind).to.equal('wait');
    });
  });
});
