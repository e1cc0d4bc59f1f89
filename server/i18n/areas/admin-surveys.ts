import type { Catalogue } from '../catalogue.js';

// Pages of the Administration for surveys: editor, lifecycle, participation and proposals.
const en = {
  nav: { surveys: 'Surveys' },
};

export const adminSurveysCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: { nav: { surveys: 'Enquêtes' } },
  es: { nav: { surveys: 'Encuestas' } },
};
