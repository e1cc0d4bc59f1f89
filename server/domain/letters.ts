// Printable letters: for permanent missions whose IT blocks bulk mail, an administrator prints, per
// Member State, what the messages would have said (the survey, its closing time, and how each
// delegate gets in), to go out as a note verbale. A delegate who has no password yet gets a new
// one-time link on the letter; printing issues it, so earlier links of that delegate stop working.
import { z } from 'zod';
import { listMemberStates, type MemberStateRow } from '../data/member-states.js';
import { listUsersOfMemberState } from '../data/users.js';
import { actorLabel, issueLink, requireAdmin } from './accounts.js';
import { appendAuditEntry } from './audit.js';
import { isoTime } from './clock.js';
import type { Actor, Deps } from './deps.js';
import { AppError } from './errors.js';
import { messagesByMemberState } from './mail/queries.js';
import { getSurvey, type SurveyView } from './surveys/queries.js';
import { parseInput } from './validation.js';

/** One Member State (by its code) or every Member State whose last message about the survey failed. */
export const letterInputSchema = z.union([
  z.object({ memberState: z.string().trim().toUpperCase().regex(/^[A-Z]{3}$/, 'validation.memberStateUnknown') }),
  z.object({ failed: z.literal('all') }),
], { message: 'validation.lettersWhich' });

export interface LetterDelegate {
  readonly name: string;
  readonly email: string;
  /** A one-time link to choose a password, for a delegate who has none; null for one who signs in. */
  readonly link: { readonly url: string; readonly expiresAt: string } | null;
}

export interface Letter {
  readonly memberState: { readonly iso3: string; readonly names: { readonly en: string; readonly fr: string; readonly es: string } };
  readonly delegates: readonly LetterDelegate[];
}

export interface Letters {
  readonly survey: SurveyView;
  readonly issuedAt: string;
  readonly signInUrl: string;
  readonly ballotUrl: string;
  readonly letters: readonly Letter[];
}

/** Which Member States the input names: one eligible Member State, or those whose messages failed. */
async function chosenStates(deps: Deps, actor: Actor, surveyId: number, input: z.output<typeof letterInputSchema>): Promise<MemberStateRow[]> {
  const eligible = (await listMemberStates(deps.db)).filter((m) => m.status === 'member');
  if ('memberState' in input) {
    const state = eligible.find((m) => m.iso3 === input.memberState);
    if (!state) throw new AppError('not_found', 'errors.notFound');
    return [state];
  }
  const messages = await messagesByMemberState(deps, actor, surveyId);
  return eligible.filter((m) => messages.get(m.id)?.last?.status === 'failed');
}

/** Prints the letters of an open survey: new one-time links for the delegates without a password, and an audit entry. */
export async function printLetters(deps: Deps, actor: Actor, surveyId: number, input: unknown): Promise<Letters> {
  requireAdmin(actor);
  const data = parseInput(letterInputSchema, input);
  const survey = await getSurvey(deps, actor, surveyId);
  if (survey.status !== 'open') throw new AppError('conflict', 'errors.lettersSurveyNotOpen');
  const states = await chosenStates(deps, actor, surveyId, data);
  const base = deps.config.baseUrl;
  return deps.db.transaction(async (tx) => {
    const letters: Letter[] = [];
    let linksIssued = 0;
    for (const state of states) {
      const delegates: LetterDelegate[] = [];
      for (const u of await listUsersOfMemberState(tx, state.id)) {
        if (u.role !== 'delegate' || u.is_disabled) continue;
        let link: LetterDelegate['link'] = null;
        if (u.password_hash === null) {
          const issued = await issueLink(deps, tx, 'invitation', u.id, actor.userId);
          link = { url: `${base}/invitations/${issued.token}`, expiresAt: issued.expiresAt };
          linksIssued += 1;
        }
        delegates.push({ name: u.display_name, email: u.email, link });
      }
      letters.push({ memberState: { iso3: state.iso3, names: { en: state.name_en, fr: state.name_fr, es: state.name_es } }, delegates });
    }
    await appendAuditEntry(deps, tx, {
      actorUserId: actor.userId, actorLabel: actorLabel(actor), action: 'letters.print', subjectType: 'survey', subjectId: surveyId,
      details: { memberStates: states.map((s) => s.iso3), linksIssued },
    });
    return { survey, issuedAt: isoTime(deps.clock.now()), signInUrl: `${base}/sign-in`, ballotUrl: `${base}/surveys/${surveyId}/ballot`, letters };
  });
}
