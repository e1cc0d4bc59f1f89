import type { Catalogue } from '../catalogue.js';

// Signing in: the sign-in limits, and what an account's owner is told of failed attempts.
const en = {
  signInLimits: {
    wait: 'Too many failed attempts. Try again in {{wait}}.',
    notice: 'Failed attempts to sign in to your account since you last signed in: {{count}} (the first on {{since}}). If they were not yours, tell the Administration.',
  },
};

export const signInCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    signInLimits: {
      wait: 'Trop de tentatives infructueuses. Réessayez dans {{wait}}.',
      notice: "Tentatives de connexion à votre compte qui ont échoué depuis votre dernière connexion : {{count}} (la première le {{since}}). Si elles ne venaient pas de vous, prévenez l'Administration.",
    },
  },
  es: {
    signInLimits: {
      wait: 'Demasiados intentos fallidos. Vuelva a intentarlo dentro de {{wait}}.',
      notice: 'Intentos fallidos de iniciar sesión en su cuenta desde su último inicio de sesión: {{count}} (el primero el {{since}}). Si no fueron suyos, avise a la Administración.',
    },
  },
};
