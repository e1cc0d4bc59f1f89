import type { Catalogue } from '../catalogue.js';

// What a delegation sees when it follows a link to results that are not published yet.
const en = {
  resultsNotice: {
    title: 'Results not published yet',
    whenShown: 'Results are shown to delegations once the Administration publishes them.',
    open: 'This survey is still open: ballots can be cast and changed until it closes, and the count is not final before then.',
    closed: 'This survey is closed; the Administration has not published its results yet.',
    backToBallot: 'Back to your ballot',
    surveys: 'Your surveys',
  },
};

export const resultsNoticeCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    resultsNotice: {
      title: 'Résultats pas encore publiés',
      whenShown: 'Les résultats sont montrés aux délégations une fois que l’Administration les a publiés.',
      open: 'Cette enquête est encore ouverte : les bulletins peuvent être envoyés et modifiés jusqu’à sa clôture, et le dépouillement n’est pas définitif avant.',
      closed: 'Cette enquête est close ; l’Administration n’en a pas encore publié les résultats.',
      backToBallot: 'Revenir à votre bulletin',
      surveys: 'Vos enquêtes',
    },
  },
  es: {
    resultsNotice: {
      title: 'Resultados aún no publicados',
      whenShown: 'Los resultados se muestran a las delegaciones una vez que la Administración los publica.',
      open: 'Esta encuesta sigue abierta: las papeletas pueden enviarse y modificarse hasta su cierre, y el escrutinio no es definitivo antes.',
      closed: 'Esta encuesta está cerrada; la Administración aún no ha publicado sus resultados.',
      backToBallot: 'Volver a su papeleta',
      surveys: 'Sus encuestas',
    },
  },
};
