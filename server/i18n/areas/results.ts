import type { Catalogue } from '../catalogue.js';

// Results, charts, exports and ballots received on paper.
const en = {
  errors: {
    resultsNotPublished: 'The results of this survey are not published yet.',
  },
};

export const resultsCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: { errors: { resultsNotPublished: 'Les résultats de cette enquête ne sont pas encore publiés.' } },
  es: { errors: { resultsNotPublished: 'Los resultados de esta encuesta aún no se han publicado.' } },
};
