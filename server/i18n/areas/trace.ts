import type { Catalogue } from '../catalogue.js';

// The per-ballot trace of a count: its download on the results page and among the export kinds.
const en = {
  results: {
    trace: {
      heading: 'Per-ballot trace',
      intro: 'One row per distinct ranking: how many ballots gave it and, at each round or stage, the option it counted for (none once exhausted) and its weight. Its ranking_key column matches the rows of the ballots export.',
      link: 'Download the per-ballot trace of question {{number}} (CSV)',
    },
  },
  exports: {
    kinds: { trace: 'Per-ballot trace (CSV)' },
    describe: {
      trace: 'The ballots of one question, one row per distinct ranking, with the option each counted for and its weight at every round or stage, and a ranking_key that matches the ballots export.',
    },
  },
  errors: {
    traceOneQuestion: 'The per-ballot trace is made for one question: choose the question.',
  },
};

export const traceCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    results: {
      trace: {
        heading: 'Trace par bulletin',
        intro: 'Une ligne par classement distinct : le nombre de bulletins qui l’ont donné et, à chaque tour ou étape, l’option pour laquelle il a compté (aucune une fois épuisé) et son poids. Sa colonne ranking_key correspond aux lignes de l’export des bulletins.',
        link: 'Télécharger la trace par bulletin de la question {{number}} (CSV)',
      },
    },
    exports: {
      kinds: { trace: 'Trace par bulletin (CSV)' },
      describe: {
        trace: 'Les bulletins d’une question, une ligne par classement distinct, avec l’option pour laquelle chacun a compté et son poids à chaque tour ou étape, et une clé ranking_key qui correspond à l’export des bulletins.',
      },
    },
    errors: {
      traceOneQuestion: 'La trace par bulletin porte sur une seule question : choisissez la question.',
    },
  },
  es: {
    results: {
      trace: {
        heading: 'Traza por papeleta',
        intro: 'Una fila por cada clasificación distinta: cuántas papeletas la dieron y, en cada vuelta o etapa, la opción por la que contó (ninguna una vez agotada) y su peso. Su columna ranking_key corresponde a las filas de la exportación de papeletas.',
        link: 'Descargar la traza por papeleta de la pregunta {{number}} (CSV)',
      },
    },
    exports: {
      kinds: { trace: 'Traza por papeleta (CSV)' },
      describe: {
        trace: 'Las papeletas de una pregunta, una fila por clasificación distinta, con la opción por la que contó cada una y su peso en cada vuelta o etapa, y una clave ranking_key que corresponde a la exportación de papeletas.',
      },
    },
    errors: {
      traceOneQuestion: 'La traza por papeleta se refiere a una sola pregunta: elija la pregunta.',
    },
  },
};
