import type { Catalogue } from '../catalogue.js';

// Counting: why a count retained its options without choosing among them, and option names that
// look the same (ballot files, paper-ballot imports).
const en = {
  counting: {
    reason: {
      'seats-cover-options': 'Options to retain: {{seats}}; options ranked on at least one ballot: {{ranked}}. Every option ranked on a ballot is therefore retained, without the count choosing among them; an option that no ballot ranks is not retained.',
    },
  },
};

export const countingCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    counting: {
      reason: {
        'seats-cover-options': 'Options à retenir : {{seats}} ; options classées sur au moins un bulletin : {{ranked}}. Toutes les options classées sur un bulletin sont donc retenues, sans que le dépouillement ait à choisir entre elles ; une option qu’aucun bulletin ne classe n’est pas retenue.',
      },
    },
  },
  es: {
    counting: {
      reason: {
        'seats-cover-options': 'Opciones que se retienen: {{seats}}; opciones clasificadas en al menos una papeleta: {{ranked}}. Por tanto, se retienen todas las opciones clasificadas en alguna papeleta, sin que el escrutinio tenga que elegir entre ellas; una opción que ninguna papeleta clasifica no se retiene.',
      },
    },
  },
};
