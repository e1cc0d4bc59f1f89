import type { Actor, Deps } from '../../server/domain/deps.js';
import { createSurvey } from '../../server/domain/surveys/authoring.js';

export function actorOf(user: { id: number; email: string; role: Actor['role']; memberState: string | null }, memberStateId: number | null = null): Actor {
  return { userId: user.id, email: user.email, role: user.role, memberStateId, memberStateIso3: user.memberState };
}

/** The story of PRODUCT.md: one overarching theme of two, two workshop topics of four, in three languages. */
export function buildSurveyInput(overrides: Record<string, unknown> = {}) {
  return {
    title: { en: 'International Dialogue on Migration 2008', fr: 'Dialogue international sur la migration 2008', es: 'Diálogo Internacional sobre la Migración 2008' },
    description: { en: 'Choose the overarching theme and the workshop topics.', fr: 'Choisissez le thème général et les thèmes des ateliers.', es: 'Elija el tema general y los temas de los talleres.' },
    reference: 'IC/2007/17',
    questions: [
      {
        title: { en: 'Overarching theme', fr: 'Thème général', es: 'Tema general' },
        seats: 1,
        options: [
          { label: 'A', title: { en: 'Return migration', fr: 'Migration de retour', es: 'Migración de retorno' } },
          { label: 'B', title: { en: 'Migration and development', fr: 'Migration et développement', es: 'Migración y desarrollo' } },
        ],
      },
      {
        title: { en: 'Workshop topics', fr: "Thèmes des ateliers", es: 'Temas de los talleres' },
        seats: 2,
        allowProposals: true,
        options: ['a', 'b', 'c', 'd'].map((label, i) => ({ label: `(${label})`, title: { en: `Topic ${i + 1}`, fr: `Thème ${i + 1}`, es: `Tema ${i + 1}` } })),
      },
    ],
    ...overrides,
  };
}

export async function createTestSurvey(deps: Deps, admin: Actor, overrides: Record<string, unknown> = {}) {
  return createSurvey(deps, admin, buildSurveyInput(overrides));
}
