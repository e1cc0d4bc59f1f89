import type { Catalogue } from '../catalogue.js';

// Ballots: voting, revisions and receipts.
const en = {
  ballot: {
    problems: {
      'unknown-option': 'Rank {{rank}} names an option that is not part of this question.',
      repeat: 'Rank {{rank}} repeats an option ranked higher.',
      gap: 'Rank {{rank}} is empty but a later rank is not: ranks must follow one another.',
      'too-many-ranks': 'At most {{max}} options may be ranked.',
    },
  },
  validation: {
    answer: 'Each answer gives a ranking or an abstention.',
    questionTwice: 'This question is answered twice.',
    commentNotAllowed: 'This question takes no comment.',
    abstainNotAllowed: 'This question does not allow abstention.',
    rankOrAbstain: 'Rank at least one option, or abstain.',
    rankAtLeastOne: 'Rank at least one option.',
  },
  errors: {
    surveyClosed: 'This survey is closed: no more ballots are taken.',
    staleBallot: 'Your ballot was changed by {{who}} on {{when}} (version {{revision}}) after you started. Nothing was saved: review the current ballot and submit again.',
    otherMemberState: "You can only answer for your own Member State.",
    observerCannotVote: 'Observers do not vote.',
    ballotInvalid: 'The ballot cannot be counted as it is.',
    receiptUnknown: 'No ballot of your delegation has this receipt code.',
  },
};

export const ballotsCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    ballot: {
      problems: {
        'unknown-option': "Le rang {{rank}} désigne une option qui ne fait pas partie de cette question.",
        repeat: 'Le rang {{rank}} répète une option déjà classée plus haut.',
        gap: 'Le rang {{rank}} est vide alors qu’un rang suivant ne l’est pas : les rangs doivent se suivre.',
        'too-many-ranks': 'Au plus {{max}} options peuvent être classées.',
      },
    },
    validation: {
      answer: 'Chaque réponse donne un classement ou une abstention.',
      questionTwice: 'Cette question reçoit deux réponses.',
      commentNotAllowed: "Cette question n'accepte pas de commentaire.",
      abstainNotAllowed: "Cette question ne permet pas l'abstention.",
      rankOrAbstain: 'Classez au moins une option, ou abstenez-vous.',
      rankAtLeastOne: 'Classez au moins une option.',
    },
    errors: {
      surveyClosed: "Cette enquête est clôturée : aucun bulletin n'est plus accepté.",
      staleBallot: "Votre bulletin a été modifié par {{who}} le {{when}} (version {{revision}}) après que vous avez commencé. Rien n'a été enregistré : examinez le bulletin actuel et soumettez-le à nouveau.",
      otherMemberState: 'Vous ne pouvez répondre que pour votre propre État Membre.',
      observerCannotVote: 'Les observateurs ne votent pas.',
      ballotInvalid: 'Le bulletin ne peut pas être dépouillé en l’état.',
      receiptUnknown: "Aucun bulletin de votre délégation ne porte ce code de reçu.",
    },
  },
  es: {
    ballot: {
      problems: {
        'unknown-option': 'El puesto {{rank}} nombra una opción que no forma parte de esta pregunta.',
        repeat: 'El puesto {{rank}} repite una opción ya clasificada más arriba.',
        gap: 'El puesto {{rank}} está vacío pero uno posterior no: los puestos deben ser consecutivos.',
        'too-many-ranks': 'Se pueden clasificar como máximo {{max}} opciones.',
      },
    },
    validation: {
      answer: 'Cada respuesta da una clasificación o una abstención.',
      questionTwice: 'Esta pregunta tiene dos respuestas.',
      commentNotAllowed: 'Esta pregunta no admite comentarios.',
      abstainNotAllowed: 'Esta pregunta no admite la abstención.',
      rankOrAbstain: 'Clasifique al menos una opción, o absténgase.',
      rankAtLeastOne: 'Clasifique al menos una opción.',
    },
    errors: {
      surveyClosed: 'Esta encuesta está cerrada: ya no se aceptan papeletas.',
      staleBallot: '{{who}} modificó su papeleta el {{when}} (versión {{revision}}) después de que usted empezara. No se guardó nada: revise la papeleta actual y vuelva a enviarla.',
      otherMemberState: 'Solo puede responder por su propio Estado Miembro.',
      observerCannotVote: 'Los observadores no votan.',
      ballotInvalid: 'La papeleta no se puede escrutar tal como está.',
      receiptUnknown: 'Ninguna papeleta de su delegación tiene este código de recibo.',
    },
  },
};
