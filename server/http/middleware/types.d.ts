import type { Actor } from '../../domain/deps.js';
import type { Translate } from '../../i18n/index.js';
import type { Language } from '../../i18n/languages.js';

declare module 'express-session' {
  interface SessionData {
    /** Failed sign-ins to the account before this session began, to say on its first page. */
    signInNotice?: { count: number; since: string };
  }
}

declare global {
  namespace Express {
    // The signed-in person (session) or the token's owner (API).
    interface User extends Actor {
      displayName: string;
      language: Language;
      /** The Member State's name in each language, for pages; null for an account without one. */
      memberStateNames: Readonly<Record<Language, string>> | null;
      /** A delegate an administrator made their Member State's focal point. */
      isFocalPoint: boolean;
    }
    interface Request {
      lang: Language;
      t: Translate;
    }
  }
}

export {};
