import { expect } from 'chai';
import { AppError } from '../../server/domain/errors.js';
import { Refused, refusalMessage, refusalOf, refusalStatus, type Refusal } from '../../server/domain/refusals.js';

describe('domain/refusals', () => {
  const cases: [Refusal, AppError['kind'], number, string][] = [
    [{ kind: 'stale', current: { who: 'a@example.org', when: '2026-11-28T09:00:00.000Z', revision: 2 } }, 'conflict', 409, 'errors.staleBallot'],
    [{ kind: 'closed' }, 'conflict', 409, 'errors.surveyClosed'],
    [{ kind: 'closed', paper: true }, 'conflict', 409, 'errors.paperBallots.closed'],
    [{ kind: 'not-open' }, 'conflict', 409, 'errors.surveyNotOpen'],
    [{ kind: 'not-open', paper: true }, 'conflict', 409, 'errors.paperBallots.draft'],
    [{ kind: 'observer' }, 'forbidden', 403, 'errors.observerCannotVote'],
    [{ kind: 'proposal-decided' }, 'conflict', 409, 'errors.proposalDecided'],
    [{ kind: 'options-frozen' }, 'conflict', 409, 'errors.optionsFrozen'],
    [{ kind: 'transition', from: 'closed', to: 'closed' }, 'conflict', 409, 'errors.surveyTransition'],
    [{ kind: 'survey-changed' }, 'conflict', 409, 'errors.surveyChanged'],
    [{ kind: 'link-used' }, 'gone', 410, 'errors.linkUsedOrExpired'],
  ];

  it('gives each refusal kind its error kind, HTTP status and message in one table', () => {
    for (const [refusal, kind, status, key] of cases) {
      const error = new Refused(refusal);
      expect(error, refusal.kind).to.be.instanceOf(AppError).and.to.include({ kind, key });
      expect(refusalStatus(refusal), refusal.kind).to.equal(status);
      expect(refusalMessage(refusal).key, refusal.kind).to.equal(key);
    }
  });

  it('carries the stale ballot\'s current revision as the message parameters, and placeholders when there is none', () => {
    expect(new Refused({ kind: 'stale', current: { who: 'a@example.org', when: '2026-11-28T09:00:00.000Z', revision: 2 } }).params)
      .to.deep.equal({ who: 'a@example.org', when: '2026-11-28T09:00:00.000Z', revision: 2 });
    expect(new Refused({ kind: 'stale', current: null }).params).to.deep.equal({ who: '?', when: '', revision: 0 });
  });

  it('finds a refusal among the kinds asked for only', () => {
    const closed = new Refused({ kind: 'closed' });
    expect(refusalOf(closed, ['stale', 'closed'])).to.deep.equal({ kind: 'closed' });
    expect(refusalOf(closed, ['stale'])).to.equal(undefined);
    expect(refusalOf(new AppError('conflict', 'errors.surveyClosed'), ['closed'])).to.equal(undefined);
    expect(refusalOf(new Error('x'), ['closed'])).to.equal(undefined);
  });
});
