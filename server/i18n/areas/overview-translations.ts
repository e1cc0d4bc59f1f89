import type { Catalogue } from '../catalogue.js';

// The translations of policy overviews: the delegation's translation pages, the language versions
// of the public page, and the review page's list of them.
const en = {
  validation: {
    translationOfOriginal: 'The overview is written in this language: a translation is into another one.',
    translationRepeated: 'There is one translation per language: this language is given twice.',
    languageHasTranslation: 'The overview has a translation into this language: remove that translation before choosing its language for the overview.',
  },
  errors: {
    overviewNotStarted: 'Save your overview first: its translations follow its sections.',
  },
  overviewTranslations: {
    heading: 'Translations',
    hint: 'Optional: the overview in the other official languages. A translation is saved as a new version of the overview and is reviewed and published with it.',
    notStarted: 'Save the overview first; you can then add its translations.',
    none: 'No translation yet.',
    words: '{{words}} words',
    add: { en: 'Add an English translation', fr: 'Add a French translation', es: 'Add a Spanish translation' },
    edit: { en: 'Edit the English translation', fr: 'Edit the French translation', es: 'Edit the Spanish translation' },
    see: { en: 'See the English translation', fr: 'See the French translation', es: 'See the Spanish translation' },
    remove: { en: 'Remove the English translation', fr: 'Remove the French translation', es: 'Remove the Spanish translation' },
    names: { en: 'English translation', fr: 'French translation', es: 'Spanish translation' },
    form: {
      title: '{{translation}}: {{event}}',
      intro: 'Translate the title and each section of your overview. The original is shown above each field for reference. Light formatting is Markdown, as in the overview.',
      original: 'Original ({{language}})',
      translationTitle: 'Title',
      limit: 'Length: {{words}} of at most {{max}} words (the limit applies to each language version).',
      saved: 'Translation saved: version {{revision}} of the overview, {{status}}.',
      removed: 'Translation removed: version {{revision}} of the overview, {{status}}.',
      removeHint: 'Removing the translation saves a new version of the overview without it.',
      back: 'Back to your overview',
      locked: 'This overview is {{status}}: its translations can no longer be changed.',
    },
    show: {
      versions: 'Language versions',
      original: 'original',
      note: {
        en: 'This is a translation of the original, which is written in English.',
        fr: 'This is a translation of the original, which is written in French.',
        es: 'This is a translation of the original, which is written in Spanish.',
      },
    },
    review: {
      translations: 'Translations',
    },
  },
};

export const overviewTranslationsCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    validation: {
      translationOfOriginal: 'L’aperçu est rédigé dans cette langue : une traduction est dans une autre langue.',
      translationRepeated: 'Il y a une traduction par langue : cette langue est indiquée deux fois.',
      languageHasTranslation: 'L’aperçu a une traduction dans cette langue : supprimez cette traduction avant de choisir cette langue pour l’aperçu.',
    },
    errors: {
      overviewNotStarted: 'Enregistrez d’abord votre aperçu : ses traductions en suivent les sections.',
    },
    overviewTranslations: {
      heading: 'Traductions',
      hint: 'Facultatif : l’aperçu dans les autres langues officielles. Une traduction est enregistrée comme une nouvelle version de l’aperçu, et examinée et publiée avec lui.',
      notStarted: 'Enregistrez d’abord l’aperçu ; vous pourrez ensuite en ajouter les traductions.',
      none: 'Pas encore de traduction.',
      words: '{{words}} mots',
      add: { en: 'Ajouter une traduction anglaise', fr: 'Ajouter une traduction française', es: 'Ajouter une traduction espagnole' },
      edit: { en: 'Modifier la traduction anglaise', fr: 'Modifier la traduction française', es: 'Modifier la traduction espagnole' },
      see: { en: 'Voir la traduction anglaise', fr: 'Voir la traduction française', es: 'Voir la traduction espagnole' },
      remove: { en: 'Supprimer la traduction anglaise', fr: 'Supprimer la traduction française', es: 'Supprimer la traduction espagnole' },
      names: { en: 'Traduction anglaise', fr: 'Traduction française', es: 'Traduction espagnole' },
      form: {
        title: '{{translation}} : {{event}}',
        intro: 'Traduisez le titre et chaque section de votre aperçu. L’original figure au-dessus de chaque champ pour référence. La mise en forme légère suit Markdown, comme dans l’aperçu.',
        original: 'Original ({{language}})',
        translationTitle: 'Titre',
        limit: 'Longueur : {{words}} mots sur {{max}} au plus (la limite s’applique à chaque version linguistique).',
        saved: 'Traduction enregistrée : version {{revision}} de l’aperçu, {{status}}.',
        removed: 'Traduction supprimée : version {{revision}} de l’aperçu, {{status}}.',
        removeHint: 'Supprimer la traduction enregistre une nouvelle version de l’aperçu sans elle.',
        back: 'Retour à votre aperçu',
        locked: 'Cet aperçu est {{status}} : ses traductions ne peuvent plus être modifiées.',
      },
      show: {
        versions: 'Versions linguistiques',
        original: 'original',
        note: {
          en: 'Ceci est une traduction de l’original, rédigé en anglais.',
          fr: 'Ceci est une traduction de l’original, rédigé en français.',
          es: 'Ceci est une traduction de l’original, rédigé en espagnol.',
        },
      },
      review: {
        translations: 'Traductions',
      },
    },
  },
  es: {
    validation: {
      translationOfOriginal: 'La reseña está redactada en este idioma: una traducción es a otro idioma.',
      translationRepeated: 'Hay una traducción por idioma: este idioma figura dos veces.',
      languageHasTranslation: 'La reseña tiene una traducción a este idioma: elimine esa traducción antes de elegir ese idioma para la reseña.',
    },
    errors: {
      overviewNotStarted: 'Guarde primero su reseña: sus traducciones siguen sus secciones.',
    },
    overviewTranslations: {
      heading: 'Traducciones',
      hint: 'Opcional: la reseña en los otros idiomas oficiales. Una traducción se guarda como una nueva versión de la reseña y se examina y publica con ella.',
      notStarted: 'Guarde primero la reseña; después podrá añadir sus traducciones.',
      none: 'Todavía no hay traducciones.',
      words: '{{words}} palabras',
      add: { en: 'Añadir una traducción al inglés', fr: 'Añadir una traducción al francés', es: 'Añadir una traducción al español' },
      edit: { en: 'Editar la traducción al inglés', fr: 'Editar la traducción al francés', es: 'Editar la traducción al español' },
      see: { en: 'Ver la traducción al inglés', fr: 'Ver la traducción al francés', es: 'Ver la traducción al español' },
      remove: { en: 'Eliminar la traducción al inglés', fr: 'Eliminar la traducción al francés', es: 'Eliminar la traducción al español' },
      names: { en: 'Traducción al inglés', fr: 'Traducción al francés', es: 'Traducción al español' },
      form: {
        title: '{{translation}}: {{event}}',
        intro: 'Traduzca el título y cada sección de su reseña. El original figura encima de cada campo como referencia. El formato ligero es Markdown, como en la reseña.',
        original: 'Original ({{language}})',
        translationTitle: 'Título',
        limit: 'Extensión: {{words}} de un máximo de {{max}} palabras (el límite se aplica a cada versión lingüística).',
        saved: 'Traducción guardada: versión {{revision}} de la reseña, {{status}}.',
        removed: 'Traducción eliminada: versión {{revision}} de la reseña, {{status}}.',
        removeHint: 'Eliminar la traducción guarda una nueva versión de la reseña sin ella.',
        back: 'Volver a su reseña',
        locked: 'Esta reseña está {{status}}: sus traducciones ya no pueden modificarse.',
      },
      show: {
        versions: 'Versiones lingüísticas',
        original: 'original',
        note: {
          en: 'Esta es una traducción del original, redactado en inglés.',
          fr: 'Esta es una traducción del original, redactado en francés.',
          es: 'Esta es una traducción del original, redactado en español.',
        },
      },
      review: {
        translations: 'Traducciones',
      },
    },
  },
};
