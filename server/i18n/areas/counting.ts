import type { Catalogue } from '../catalogue.js';

// Counting: why a count retained its options without choosing among them, and option names that
// look the same (ballot files, paper-ballot imports).
const en = {
  counting: {
    reason: {
      'seats-cover-options': 'Options to retain: {{seats}}; options ranked on at least one ballot: {{ranked}}. Every option ranked on a ballot is therefore retained, without the count choosing among them; an option that no ballot ranks is not retained.',
    },
  },
  validation: {
    optionLookAlike: 'This option’s name looks the same as another option’s of this question (it differs only by case, or by a character that only looks the same: another alphabet, dash, quote or space). Make the names differ, or remove one of the options.',
    proposalLookAlike: '“{{title}}” looks the same as “{{option}}”, already an option of this question (it differs only by case, or by a character that only looks the same: another alphabet, dash, quote or space). Decline the proposal, or change the name first.',
    paperBallots: {
      lookAlikeOption: 'Rank {{rank}}: “{{value}}” looks like the option “{{option}}” but is not written the same way (it differs by case, or by a character that only looks the same: another alphabet, dash, quote or space). Write it as the survey does.',
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
    validation: {
      optionLookAlike: 'Le nom de cette option ressemble à celui d’une autre option de cette question (seule la casse diffère, ou un caractère qui n’a que l’apparence du bon : autre alphabet, tiret, guillemet ou espace). Distinguez les noms, ou retirez l’une des options.',
      proposalLookAlike: '« {{title}} » ressemble à « {{option}} », déjà une option de cette question (seule la casse diffère, ou un caractère qui n’a que l’apparence du bon : autre alphabet, tiret, guillemet ou espace). Refusez la proposition, ou changez d’abord le nom.',
      paperBallots: {
        lookAlikeOption: 'Rang {{rank}} : « {{value}} » ressemble à l’option « {{option}} » mais ne s’écrit pas de la même façon (la casse diffère, ou un caractère qui n’a que l’apparence du bon : autre alphabet, tiret, guillemet ou espace). Écrivez-la comme dans l’enquête.',
      },
    },
  },
  es: {
    counting: {
      reason: {
        'seats-cover-options': 'Opciones que se retienen: {{seats}}; opciones clasificadas en al menos una papeleta: {{ranked}}. Por tanto, se retienen todas las opciones clasificadas en alguna papeleta, sin que el escrutinio tenga que elegir entre ellas; una opción que ninguna papeleta clasifica no se retiene.',
      },
    },
    validation: {
      optionLookAlike: 'El nombre de esta opción se parece al de otra opción de esta pregunta (solo difiere en mayúsculas o minúsculas, o en un carácter que solo lo parece: otro alfabeto, guion, comilla o espacio). Diferencie los nombres o elimine una de las opciones.',
      proposalLookAlike: '«{{title}}» se parece a «{{option}}», que ya es una opción de esta pregunta (solo difiere en mayúsculas o minúsculas, o en un carácter que solo lo parece: otro alfabeto, guion, comilla o espacio). Rechace la propuesta o cambie antes el nombre.',
      paperBallots: {
        lookAlikeOption: 'Puesto {{rank}}: «{{value}}» se parece a la opción «{{option}}» pero no se escribe igual (difiere en mayúsculas o minúsculas, o en un carácter que solo lo parece: otro alfabeto, guion, comilla o espacio). Escríbala como en la encuesta.',
      },
    },
  },
};
