import { createUser } from '../../server/domain/accounts.js';
import type { Deps, Role } from '../../server/domain/deps.js';
import { createMemberState } from '../../server/domain/member-states.js';

export const PASSWORD = 'correct horse battery staple';

let counter = 0;

export async function createTestMemberState(deps: Deps, iso3: string, status: 'member' | 'observer' = 'member') {
  return createMemberState(deps, null, { iso3, names: { en: `${iso3} (en)`, fr: `${iso3} (fr)`, es: `${iso3} (es)` }, status });
}

/** An account that can sign in with PASSWORD. */
export async function createTestUser(deps: Deps, role: Role, options: { memberState?: string; email?: string; language?: 'en' | 'fr' | 'es' } = {}) {
  counter += 1;
  const email = options.email ?? `${role}${counter}@example.org`;
  const { user } = await createUser(deps, null, { email, displayName: `${role} ${counter}`, role, memberState: options.memberState, language: options.language ?? 'en' }, PASSWORD);
  return user;
}
