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

    it('tells the owner by mail, in their language, each time the failures are recorded in the audit log (5, 10, 20), with the audit entry', async () => {
      const user = await createTestUser(ctx.deps, 'staff', { language: 'fr' });
      const patient: SignInPolicy = {
        ...DEFAULT_SIGN_IN_POLICY,
        pair: { free: 1000, firstDelaySeconds: 1, maxDelaySeconds: 1 },
        account: { free: 1000, firstDelaySeconds: 1, maxDelaySeconds: 1 },
        address: { free: 1000, firstDelaySeconds: 1, maxDelaySeconds: 1 },
      };
      const fail = async (n: number) => {
        for (let i = 0; i < n; i += 1) expect((await attemptSignIn(ctx.deps, patient, { email: user.email, password: 'a guess', address: '192.0.2.9', device: null })).kind).to.equal('refused');
      };
      const mails = () => ctx.db('outbox_messages').where({ kind: 'sign-in-failures' }).orderBy('id');
      const audits = () => ctx.db('audit_entries').where({ action: 'user.sign-in-failures' }).orderBy('id');
      await fail(4);
      expect(await mails()).to.have.length(0);
      expect(await audits()).to.have.length(0);
      await fail(1);
      const [first] = await mails();
      expect(first).to.include({ recipient: user.email, user_id: user.id, language: 'fr', status: 'queued' });
      expect(first.subject).to.equal('Tentatives de connexion échouées à votre compte Consultation ballots');
      expect(first.text_body).to.include('a échoué 5 fois depuis le 28 novembre 2026').and.include('http://127.0.0.1:3000/account');
      expect(first.html_body).to.include('lang="fr"');
      expect(await audits()).to.have.length(1);
      await fail(15);
      const all = await mails();
      expect(all).to.have.length(3);
      expect(all.map((m: { text_body: string }) => /a échoué (\d+) fois/.exec(m.text_body)![1])).to.deep.equal(['5', '10', '20']);
      expect(await audits()).to.have.length(3);
    });
  });
});
