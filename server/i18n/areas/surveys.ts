import type { Catalogue } from '../catalogue.js';

// Surveys: authoring, lifecycle, proposals and participation.
const en = {
  surveys: {
    problems: {
      noQuestion: 'The survey has no question.',
      fewOptions: 'Question {{question}} needs at least two options.',
      seats: 'Question {{question}} retains as many options as it offers, or more.',
    },
    status: { draft: 'Draft', open: 'Open', closed: 'Closed', published: 'Published' },
    methods: {
      irv: 'Instant-runoff (IRV)', stv: 'Single transferable vote (STV)', schulze: 'Schulze (Condorcet)', borda: 'Borda count', plurality: 'Plurality',
    },
  },
  validation: {
    seats: 'The number of options to retain must be a whole number from 1 to 50.',
    method: 'Choose a counting method.',
    maxRanks: 'The most ranks allowed must be a whole number, at most the number of options.',
    seatsVsOptions: 'A question must offer more options than it retains.',
    irvOneSeat: 'Instant-runoff retains one option; use STV to retain several.',
    dateTime: 'Enter a date and time.',
    quorum: 'The quorum must be a whole number of Member States, at least 1.',
    oneQuestion: 'A survey needs at least one question.',
    tooMany: 'There are too many items.',
    unknownQuestion: 'Question {{id}} is not part of this survey.',
    unknownOption: 'Option {{id}} is not part of this question.',
    overrideReason: 'Some text lacks its French or Spanish version: translate it, or give the reason for opening anyway.',
    closesInPast: 'The closing time must be in the future.',
    reasonRequired: 'Give the reason, which the delegation will see.',
  },
  errors: {
    surveyFrozen: 'This survey is no longer a draft: its questions and options can no longer change.',
    surveyTransition: 'A survey that is {{from}} cannot become {{to}}.',
    surveyChanged: 'Someone else changed this survey at the same moment. Reload the page and try again.',
    cannotOpen: 'The survey cannot be opened yet.',
    translationsMissing: '{{count}} pieces of text lack their French or Spanish version.',
    surveyNotOpen: 'This survey is not open.',
    proposalsNotAllowed: 'This question does not take proposals.',
    optionsFrozen: 'The options of this survey are frozen: reopen them first (recorded in the audit log).',
    proposalDecided: 'This proposal has already been decided.',
  },
};

export const surveysCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    surveys: {
      problems: {
        noQuestion: "L'enquête ne comporte aucune question.",
        fewOptions: 'La question {{question}} doit proposer au moins deux options.',
        seats: "La question {{question}} retient autant d'options qu'elle en propose, ou davantage.",
      },
      status: { draft: 'Brouillon', open: 'Ouverte', closed: 'Clôturée', published: 'Publiée' },
      methods: {
        irv: 'Vote à second tour instantané', stv: 'Vote unique transférable', schulze: 'Méthode de Schulze (Condorcet)', borda: 'Méthode de Borda', plurality: 'Majorité relative',
      },
    },
    validation: {
      seats: "Le nombre d'options à retenir doit être un nombre entier de 1 à 50.",
      method: 'Choisissez une méthode de dépouillement.',
      maxRanks: "Le nombre maximal de rangs doit être un nombre entier, au plus égal au nombre d'options.",
      seatsVsOptions: "Une question doit proposer plus d'options qu'elle n'en retient.",
      irvOneSeat: 'Le vote à second tour instantané retient une seule option ; utilisez le vote unique transférable pour en retenir plusieurs.',
      dateTime: 'Saisissez une date et une heure.',
      quorum: "Le quorum doit être un nombre entier d'États Membres, au moins 1.",
      oneQuestion: 'Une enquête doit comporter au moins une question.',
      tooMany: "Il y a trop d'éléments.",
      unknownQuestion: "La question {{id}} ne fait pas partie de cette enquête.",
      unknownOption: "L'option {{id}} ne fait pas partie de cette question.",
      overrideReason: "Certains textes n'ont pas de version française ou espagnole : traduisez-les, ou indiquez pourquoi ouvrir malgré tout.",
      closesInPast: "La date de clôture doit être dans l'avenir.",
      reasonRequired: 'Indiquez le motif, que la délégation verra.',
    },
    errors: {
      surveyFrozen: 'Cette enquête n’est plus un brouillon : ses questions et ses options ne peuvent plus changer.',
      surveyTransition: "Une enquête à l'état « {{from}} » ne peut pas passer à l'état « {{to}} ».",
      surveyChanged: "Quelqu'un d'autre a modifié cette enquête au même moment. Rechargez la page et réessayez.",
      cannotOpen: "L'enquête ne peut pas encore être ouverte.",
      translationsMissing: "{{count}} textes n'ont pas de version française ou espagnole.",
      surveyNotOpen: "Cette enquête n'est pas ouverte.",
      proposalsNotAllowed: "Cette question n'accepte pas de propositions.",
      optionsFrozen: "Les options de cette enquête sont figées : rouvrez-les d'abord (ce sera consigné dans le journal d'audit).",
      proposalDecided: 'Il a déjà été statué sur cette proposition.',
    },
  },
  es: {
    surveys: {
      problems: {
        noQuestion: 'La encuesta no tiene ninguna pregunta.',
        fewOptions: 'La pregunta {{question}} necesita al menos dos opciones.',
        seats: 'La pregunta {{question}} retiene tantas opciones como ofrece, o más.',
      },
      status: { draft: 'Borrador', open: 'Abierta', closed: 'Cerrada', published: 'Publicada' },
      methods: {
        irv: 'Segunda vuelta instantánea', stv: 'Voto único transferible', schulze: 'Método de Schulze (Condorcet)', borda: 'Método de Borda', plurality: 'Mayoría relativa',
      },
    },
    validation: {
      seats: 'El número de opciones que se retienen debe ser un número entero de 1 a 50.',
      method: 'Elija un método de escrutinio.',
      maxRanks: 'El número máximo de puestos debe ser un número entero, como mucho el número de opciones.',
      seatsVsOptions: 'Una pregunta debe ofrecer más opciones de las que retiene.',
      irvOneSeat: 'La segunda vuelta instantánea retiene una sola opción; use el voto único transferible para retener varias.',
      dateTime: 'Escriba una fecha y una hora.',
      quorum: 'El quórum debe ser un número entero de Estados Miembros, al menos 1.',
      oneQuestion: 'Una encuesta necesita al menos una pregunta.',
      tooMany: 'Hay demasiados elementos.',
      unknownQuestion: 'La pregunta {{id}} no forma parte de esta encuesta.',
      unknownOption: 'La opción {{id}} no forma parte de esta pregunta.',
      overrideReason: 'Algunos textos no tienen versión en francés o en español: tradúzcalos o indique por qué abrir de todos modos.',
      closesInPast: 'La fecha de cierre debe estar en el futuro.',
      reasonRequired: 'Indique el motivo, que la delegación verá.',
    },
    errors: {
      surveyFrozen: 'Esta encuesta ya no es un borrador: sus preguntas y opciones ya no pueden cambiar.',
      surveyTransition: 'Una encuesta en estado «{{from}}» no puede pasar a «{{to}}».',
      surveyChanged: 'Otra persona modificó esta encuesta al mismo tiempo. Recargue la página e inténtelo de nuevo.',
      cannotOpen: 'La encuesta todavía no se puede abrir.',
      translationsMissing: '{{count}} textos no tienen versión en francés o en español.',
      surveyNotOpen: 'Esta encuesta no está abierta.',
      proposalsNotAllowed: 'Esta pregunta no admite propuestas.',
      optionsFrozen: 'Las opciones de esta encuesta están fijadas: vuelva a abrirlas primero (quedará en el registro de auditoría).',
      proposalDecided: 'Ya se decidió sobre esta propuesta.',
    },
  },
};
