import type { Catalogue } from '../catalogue.js';

// Focal points: the page where a focal point manages their delegation's accounts, and the part of
// an administrator's user page that marks one.
const en = {
  delegation: {
    nav: 'Your delegation',
    title: 'Your delegation',
    focalPoint: 'focal point',
    intro: 'As the focal point of {{memberState}}, you can invite colleagues to your delegation and disable or re-enable their accounts. Each change is recorded in the audit log, and the Administration can undo it.',
    accounts: 'Accounts of your delegation',
    done: {
      invited: 'An invitation for {{name}} ({{email}}) has been sent: they choose their password by following its link.',
      disabled: 'The account of {{name}} ({{email}}) is disabled: it can no longer sign in.',
      enabled: 'The account of {{name}} ({{email}}) is enabled again.',
    },
    invite: {
      title: 'Invite a colleague',
      hint: 'The account is a delegate account of your Member State. The invitation is sent by e-mail, in the language you choose, with a link valid for 7 days.',
      submit: 'Send the invitation',
    },
    admin: {
      title: 'Focal point',
      is: 'This delegate is the focal point of {{memberState}}.',
      isNot: 'This delegate is not a focal point of {{memberState}}.',
      hint: 'A focal point can invite colleagues to their own delegation and disable or re-enable their accounts, and nothing else. Their changes are in the audit log; you can undo them here.',
      mark: 'Make focal point',
      unmark: 'Remove as focal point',
    },
  },
  errors: {
    notAColleague: 'A focal point can change only the accounts of the other delegates of their delegation, not their own nor another focal point’s.',
  },
  validation: {
    focalPointChoice: 'Choose whether the account is a focal point.',
    focalPointDelegatesOnly: 'Only a delegate can be a focal point.',
  },
};

export const delegationCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    delegation: {
      nav: 'Votre délégation',
      title: 'Votre délégation',
      focalPoint: 'point focal',
      intro: 'En tant que point focal pour {{memberState}}, vous pouvez inviter des collègues dans votre délégation, et désactiver ou réactiver leurs comptes. Chaque modification est inscrite au journal d’audit, et l’Administration peut l’annuler.',
      accounts: 'Comptes de votre délégation',
      done: {
        invited: 'Une invitation a été envoyée à {{name}} ({{email}})\u202f: cette personne choisit son mot de passe en suivant son lien.',
        disabled: 'Le compte de {{name}} ({{email}}) est désactivé\u202f: il ne peut plus se connecter.',
        enabled: 'Le compte de {{name}} ({{email}}) est de nouveau actif.',
      },
      invite: {
        title: 'Inviter un collègue',
        hint: 'Le compte est un compte de délégué de votre État Membre. L’invitation est envoyée par courriel, dans la langue choisie, avec un lien valable 7 jours.',
        submit: 'Envoyer l’invitation',
      },
      admin: {
        title: 'Point focal',
        is: 'Ce délégué est le point focal pour {{memberState}}.',
        isNot: 'Ce délégué n’est pas point focal pour {{memberState}}.',
        hint: 'Un point focal peut inviter des collègues dans sa propre délégation, et désactiver ou réactiver leurs comptes, rien d’autre. Ses modifications figurent au journal d’audit\u202f; vous pouvez les annuler ici.',
        mark: 'Désigner comme point focal',
        unmark: 'Retirer la fonction de point focal',
      },
    },
    errors: {
      notAColleague: 'Un point focal ne peut modifier que les comptes des autres délégués de sa délégation, ni le sien ni celui d’un autre point focal.',
    },
    validation: {
      focalPointChoice: 'Indiquez si le compte est point focal.',
      focalPointDelegatesOnly: 'Seul un délégué peut être point focal.',
    },
  },
  es: {
    delegation: {
      nav: 'Su delegación',
      title: 'Su delegación',
      focalPoint: 'punto focal',
      intro: 'Como punto focal de {{memberState}}, puede invitar a colegas a su delegación y desactivar o reactivar sus cuentas. Cada cambio queda en el registro de auditoría, y la Administración puede deshacerlo.',
      accounts: 'Cuentas de su delegación',
      done: {
        invited: 'Se ha enviado una invitación a {{name}} ({{email}}): elige su contraseña siguiendo el enlace.',
        disabled: 'La cuenta de {{name}} ({{email}}) está desactivada: ya no puede iniciar sesión.',
        enabled: 'La cuenta de {{name}} ({{email}}) está activa de nuevo.',
      },
      invite: {
        title: 'Invitar a un colega',
        hint: 'La cuenta es una cuenta de delegado de su Estado Miembro. La invitación se envía por correo electrónico, en el idioma que elija, con un enlace válido durante 7 días.',
        submit: 'Enviar la invitación',
      },
      admin: {
        title: 'Punto focal',
        is: 'Este delegado es el punto focal de {{memberState}}.',
        isNot: 'Este delegado no es punto focal de {{memberState}}.',
        hint: 'Un punto focal puede invitar a colegas a su propia delegación y desactivar o reactivar sus cuentas, y nada más. Sus cambios figuran en el registro de auditoría; puede deshacerlos aquí.',
        mark: 'Designar punto focal',
        unmark: 'Retirar como punto focal',
      },
    },
    errors: {
      notAColleague: 'Un punto focal solo puede modificar las cuentas de los demás delegados de su delegación, ni la suya ni la de otro punto focal.',
    },
    validation: {
      focalPointChoice: 'Indique si la cuenta es punto focal.',
      focalPointDelegatesOnly: 'Solo un delegado puede ser punto focal.',
    },
  },
};
