// The operator's check of the mail settings: one test message, written to the outbox like any
// other, then sent at once (not waiting for the worker) so that the server's reply can be shown.
import { findLatestOutboxMessage, findOutboxMessage, type OutboxRow } from '../../data/outbox.js';
import type { Language } from '../../i18n/languages.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { isValidAddress, queueMessage } from './outbox.js';
import { MailWorker, type MailTransport } from './worker.js';

export type TestMessageOutcome =
  | { readonly sent: false; readonly reason: 'not-configured'; readonly message: OutboxRow }
  | { readonly sent: boolean; readonly reason: 'attempted'; readonly message: OutboxRow };

export async function sendTestMessage(deps: Deps, to: string, language: Language = 'en', transport?: MailTransport): Promise<TestMessageOutcome> {
  const address = to.trim().toLowerCase();
  if (!isValidAddress(address)) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'to', key: 'validation.mail.address' }]);
  const queued = await deps.db.transaction(async (tx) => {
    await queueMessage(deps, tx, { kind: 'test', to: { email: address, name: address, language, userId: null, memberStateId: null }, data: { name: address, url: `${deps.config.baseUrl}/` } });
    return findLatestOutboxMessage(tx, address, 'test');
  });
  if (!queued) throw new AppError('conflict', 'errors.invalid');
  if (!transport && !deps.config.mail.smtpUrl) return { sent: false, reason: 'not-configured', message: queued };
  const worker = transport ? new MailWorker(deps, transport, { schedule: false }) : MailWorker.fromConfig(deps, { schedule: false });
  try {
    await worker.deliver(queued.id);
  } finally {
    await worker.stop();
  }
  const after = (await findOutboxMessage(deps.db, queued.id))!;
  return { sent: after.status === 'sent', reason: 'attempted', message: after };
}
