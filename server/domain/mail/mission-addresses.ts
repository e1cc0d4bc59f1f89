// Mission addresses: the permanent mission's generic e-mail, set by an administrator per Member
// State, which receives a copy of the notices sent to that Member State's delegates.
import { listMissionAddresses, updateMissionAddress, type MissionAddressRow } from '../../data/outbox.js';
import { actorLabel, requireAdmin } from '../accounts.js';
import { appendAuditEntry } from '../audit.js';
import { isoTime } from '../clock.js';
import type { Actor, Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { isValidAddress } from './outbox.js';

export type { MissionAddressRow };

export async function missionAddresses(deps: Deps, actor: Actor): Promise<MissionAddressRow[]> {
  requireAdmin(actor);
  return listMissionAddresses(deps.db);
}

/** Sets (or, with an empty value, removes) a Member State's mission address; recorded in the audit log. */
export async function setMissionAddress(deps: Deps, actor: Actor, memberStateId: number, input: unknown): Promise<string | null> {
  requireAdmin(actor);
  const raw = typeof input === 'object' && input !== null && 'address' in input ? (input as { address: unknown }).address : undefined;
  if (typeof raw !== 'string') throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'address', key: 'validation.mail.address' }]);
  const address = raw.trim().toLowerCase();
  if (address !== '' && !isValidAddress(address)) throw new AppError('invalid', 'errors.invalid', {}, [{ field: 'address', key: 'validation.mail.address' }]);
  return deps.db.transaction(async (tx) => {
    const before = (await listMissionAddresses(tx)).find((m) => m.id === memberStateId);
    if (!before) throw new AppError('not_found', 'errors.notFound');
    const value = address === '' ? null : address;
    await updateMissionAddress(tx, memberStateId, value, isoTime(deps.clock.now()));
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'member-state.mission-address', subjectType: 'member-state', subjectId: before.iso3,
      details: { iso3: before.iso3, from: { missionAddress: before.mission_address }, to: { missionAddress: value } },
    });
    return value;
  });
}
