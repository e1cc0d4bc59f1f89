// The policy overviews of the demo: the call for overviews of the workshops and, per workshop, what
// the delegations wrote for it. The texts themselves are in one module per workshop.
import type { Language } from '../../server/i18n/languages.js';
import type { Trilingual } from './demo-content.js';
import { DIASPORA_OVERVIEWS } from './demo-overviews-diasporas.js';
import { HEALTH_OVERVIEWS } from './demo-overviews-health.js';

/**
 * Where an overview ends in the demo: every state of the review shows. "returned" and "withdrawn"
 * carry the Administration's comment or reason.
 */
export type DemoOverviewFate =
  | { readonly to: 'draft' | 'submitted' | 'published' }
  | { readonly to: 'returned'; readonly comment: string }
  | { readonly to: 'withdrawn'; readonly reason: string };

export interface DemoOverview {
  readonly iso3: string;
  readonly language: Language;
  readonly title: string;
  /** One Markdown text per section of the call, in its order. */
  readonly sections: readonly [string, string, string, string];
  readonly fate: DemoOverviewFate;
}

const text = (en: string, fr: string, es: string): Trilingual => ({ en, fr, es });

/** The sections of the call for overviews, the same for both workshops. */
export const DEMO_CALL_SECTIONS: readonly { readonly heading: Trilingual; readonly guidance: Trilingual; readonly suggestedWords: number }[] = [
  {
    heading: text('Context and main challenges', 'Contexte et principaux défis', 'Contexto y principales desafíos'),
    guidance: text(
      'The situation in your country as regards the topic of the workshop: main figures where available, recent trends, and the challenges your Government faces.',
      "La situation de votre pays au regard du thème de l’atelier : principaux chiffres disponibles, tendances récentes et défis auxquels votre Gouvernement fait face.",
      'La situación de su país en relación con el tema del taller: principales cifras disponibles, tendencias recientes y desafíos a los que se enfrenta su Gobierno.',
    ),
    suggestedWords: 300,
  },
  {
    heading: text('Policies, laws and programmes', 'Politiques, lois et programmes', 'Políticas, leyes y programas'),
    guidance: text(
      'The approach of your Government: laws and regulations, policies, programmes and the institutions in charge of them. Please name texts by their title; links may be given.',
      "L’approche de votre Gouvernement : lois et règlements, politiques, programmes et institutions qui en ont la charge. Veuillez citer les textes par leur titre ; des liens peuvent être donnés.",
      'El enfoque de su Gobierno: leyes y reglamentos, políticas, programas e instituciones encargadas de ellos. Cite los textos por su título; pueden incluirse enlaces.',
    ),
    suggestedWords: 550,
  },
  {
    heading: text('Cooperation with other States and partners', 'Coopération avec les autres États et les partenaires', 'Cooperación con otros Estados y asociados'),
    guidance: text(
      'Bilateral, regional and international cooperation, and the part played by civil society, the private sector and migrants themselves.',
      'La coopération bilatérale, régionale et internationale, et le rôle de la société civile, du secteur privé et des migrants eux-mêmes.',
      'La cooperación bilateral, regional e internacional, y el papel de la sociedad civil, el sector privado y los propios migrantes.',
    ),
    suggestedWords: 350,
  },
  {
    heading: text('Lessons learned and questions for the workshop', "Enseignements tirés et questions pour l’atelier", 'Lecciones aprendidas y cuestiones para el taller'),
    guidance: text(
      'What has worked and what has not, and the questions your delegation would like the workshop to discuss.',
      "Ce qui a fonctionné et ce qui n’a pas fonctionné, et les questions que votre délégation souhaite voir débattues lors de l’atelier.",
      'Lo que ha funcionado y lo que no, y las cuestiones que su delegación desea que se debatan en el taller.',
    ),
    suggestedWords: 300,
  },
];

/** About 2–3 pages. */
export const DEMO_CALL_MAX_WORDS = 1500;

/** What the Administration sets on a workshop once created, and what the delegations write for it. */
export interface DemoWorkshop {
  /** Of the workshop's background paper. */
  readonly reference: string;
  readonly place: string;
  /** Days from the demo's "now" to the first day of the workshop, and how many days it lasts. */
  readonly startsIn: number;
  readonly days: number;
  /** Days from now to the call's deadline (16:00 UTC that day). */
  readonly callClosesIn: number;
  readonly overviews: readonly DemoOverview[];
}

/** The workshops, by the label of the topic the survey retained. */
export const DEMO_WORKSHOPS: Readonly<Record<string, DemoWorkshop>> = {
  '(a)': { reference: 'IC/2007/4', place: 'Geneva, International Conference Centre', startsIn: 26, days: 2, callClosesIn: 12, overviews: HEALTH_OVERVIEWS },
  '(b)': { reference: 'IC/2007/11', place: 'Geneva, International Conference Centre', startsIn: 61, days: 2, callClosesIn: 40, overviews: DIASPORA_OVERVIEWS },
};
