import type { Catalogue } from '../catalogue.js';

// Pages of the delegates: surveys to answer, the ballot, its review, receipts and proposals.
const en = {
  nav: { surveys: 'Surveys' },
};

export const votingCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: { nav: { surveys: 'Enquêtes' } },
  es: { nav: { surveys: 'Encuestas' } },
};
