import { expect } from 'chai';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor } from '../../server/domain/deps.js';
import { closeSurvey, openSurvey, publishSurvey } from '../../server/domain/surveys/lifecycle.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { createTestMemberState } from '../helpers/accounts.js';
import type { Agent } from '../helpers/browser-session.js';
import type { TestContext } from '../helpers/context.js';
import { useSignedIn } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

describe('receipt codes counted', () => {
  let ctx: TestContext;
  let admin: Actor;
  let survey: Survey;
  let delegate: Agent;
  const receipts: string[] = [];

  useSignedIn({}, async (s) => {
    ({ ctx } = s);
    admin = s.admin.actor;
    survey = await openSurvey(ctx.deps, admin, (await createTestSurvey(ctx.deps, admin)).id);
    receipts.length = 0;
    for (const iso3 of ['GHA', 'IND', 'JPN']) {
      const ms = await createTestMemberState(ctx.deps, iso3);
      const ballot = { answers: survey.questions.map((q) => ({ question: q.id, ranking: [q.options[0]!.id] })) };
      const first = await submitBallot(ctx.deps, admin, survey.id, ballot, { channel: 'paper', memberStateId: ms.id });
      receipts.push(first.receipt);
      if (iso3 === 'GHA') {
        // A revised ballot: only the receipt of the counted revision is listed.
        receipts.pop();
        receipts.push((await submitBallot(ctx.deps, admin, survey.id, ballot, { channel: 'paper', memberStateId: ms.id })).receipt);
      }
    }
    delegate = await (await s.createDelegate('IND')).agent();
  });

  it('lists the receipt codes of the counted revisions to delegations once published, without Member States', async () => {
    expect((await delegate.get(`/surveys/${survey.id}/counted-receipts`)).status).to.equal(403);
    await closeSurvey(ctx.deps, admin, survey.id);
    await publishSurvey(ctx.deps, admin, survey.id);
    const page = await delegate.get(`/surveys/${survey.id}/counted-receipts`);
    expect(page.status).to.equal(200);
    const listed = [...page.text.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => m[1]);
    expect(listed).to.deep.equal([...receipts].sort());
    expect(page.text).to.not.contain('GHA').and.not.contain('JPN');
  });
});
