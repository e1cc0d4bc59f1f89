import type { Catalogue } from '../catalogue.js';

// The message that tells an account's owner that failed sign-ins to it have piled up.
const en = {
  mail: {
    'sign-in-failures': {
      subject: 'Failed attempts to sign in to your Consultation ballots account',
      intro_one: 'Someone tried to sign in to your account and failed {{count}} time since {{since}}.',
      intro_other: 'Someone tried to sign in to your account and failed {{count}} times since {{since}}.',
      ifYou: 'If it was you, nothing has to be done: sign in with your password as usual, or ask the Administration to reset it if you have forgotten it.',
      ifNotYou: 'If it was not you, your account is still protected by its password, and further attempts are slowed down. To be safe, choose a new password on your account page after signing in, and tell the Administration.',
      action: 'Open your account page',
    },
    kinds: { 'sign-in-failures': 'Failed sign-ins' },
  },
};

export const signInMailCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    mail: {
      'sign-in-failures': {
        subject: 'Tentatives de connexion échouées à votre compte Consultation ballots',
        intro_one: 'Quelqu’un a tenté de se connecter à votre compte et a échoué {{count}} fois depuis le {{since}}.',
        intro_other: 'Quelqu’un a tenté de se connecter à votre compte et a échoué {{count}} fois depuis le {{since}}.',
        ifYou: 'Si c’était vous, il n’y a rien à faire\u202f: connectez-vous avec votre mot de passe comme d’habitude, ou demandez à l’Administration de le réinitialiser si vous l’avez oublié.',
        ifNotYou: 'Si ce n’était pas vous, votre compte reste protégé par son mot de passe, et les tentatives suivantes sont ralenties. Par prudence, choisissez un nouveau mot de passe sur la page de votre compte après vous être connecté, et prévenez l’Administration.',
        action: 'Ouvrir la page de votre compte',
      },
      kinds: { 'sign-in-failures': 'Connexions échouées' },
    },
  },
  es: {
    mail: {
      'sign-in-failures': {
        subject: 'Intentos fallidos de iniciar sesión en su cuenta de Consultation ballots',
        intro_one: 'Alguien intentó iniciar sesión en su cuenta y falló {{count}} vez desde el {{since}}.',
        intro_other: 'Alguien intentó iniciar sesión en su cuenta y falló {{count}} veces desde el {{since}}.',
        ifYou: 'Si fue usted, no tiene que hacer nada: inicie sesión con su contraseña como de costumbre, o pida a la Administración que la restablezca si la ha olvidado.',
        ifNotYou: 'Si no fue usted, su cuenta sigue protegida por su contraseña, y los intentos siguientes se ralentizan. Por precaución, elija una nueva contraseña en la página de su cuenta después de iniciar sesión, e informe a la Administración.',
        action: 'Abrir la página de su cuenta',
      },
      kinds: { 'sign-in-failures': 'Inicios de sesión fallidos' },
    },
  },
};
