import type { Catalogue } from '../catalogue.js';

// The pages of events, the delegations' overviews, their review and the public policy database.
const en = {
  "overviews": {
    "nav": "Policy database",
    "statuses": {
      "draft": "draft",
      "submitted": "submitted",
      "returned": "returned",
      "published": "published",
      "withdrawn": "withdrawn"
    },
    "languages": {
      "en": "English",
      "fr": "French",
      "es": "Spanish"
    },
    "catalogue": {
      "title": "Migration policy database",
      "intro": "Overviews of their governments' policy approaches written by the delegations for the workshops and dialogue sessions, as published by the Administration.",
      "search": "Search the overviews",
      "filters": "Filters",
      "language": "Language",
      "anyLanguage": "Any language",
      "memberState": "Member State",
      "event": "Event",
      "anyEvent": "Any event",
      "topic": "Topic",
      "anyTopic": "Any topic",
      "year": "Year",
      "sort": "Order",
      "relevance": "Most relevant first",
      "date": "Newest first",
      "submit": "Search",
      "results": "Results",
      "none": "No published overview matches.",
      "published": "Published on {{date}}",
      "next": "Next results",
      "previous": "Previous results",
      "csv": "Download these results as CSV",
      "csvLimit": "(at most {{max}} overviews, in this order)"
    },
    "show": {
      "memberState": "Member State",
      "event": "Event",
      "language": "Language",
      "published": "Published",
      "status": "Status",
      "revision": "Version",
      "comment": "Administration's comment",
      "print": "Print this overview",
      "back": "Back to the policy database"
    },
    "form": {
      "title": "Your overview: {{event}}",
      "intro": "Write your government's policy approaches in the sections of the template. Light formatting is Markdown: a blank line between paragraphs, # for a heading, - for a list item, *emphasis*, [link text](https://…).",
      "deadline": "Deadline: {{date}}",
      "limit": "Length: {{words}} of at most {{max}} words.",
      "status": "Status: {{status}} (version {{revision}}), last saved by {{who}} on {{when}}.",
      "notStarted": "Your delegation has not started this overview yet.",
      "returned": "Returned by the Administration with this comment: {{comment}}",
      "language": "Language of the overview",
      "overviewTitle": "Title",
      "sectionText": "Text of the section",
      "saveDraft": "Save as draft",
      "submit": "Submit to the Administration",
      "saved": "Saved: version {{revision}}, {{status}}.",
      "closed": "The call for this event is closed: the overview can no longer be changed.",
      "locked": "This overview is {{status}}: it can no longer be changed.",
      "view": "See the overview as it will be shown"
    },
    "review": {
      "title": "Policy overviews to review",
      "none": "No overview has been submitted yet.",
      "comment": "Comment to the delegation (optional to publish, needed to return)",
      "reason": "Reason for the withdrawal",
      "publish": "Publish",
      "return": "Return to the delegation",
      "withdraw": "Withdraw",
      "view": "Read",
      "words": "{{words}} words"
    }
  },
  "events": {
    "nav": "Events",
    "list": {
      "title": "Events and calls for overviews",
      "none": "No event yet.",
      "create": "New event",
      "review": "Review the overviews",
      "write": "Write your overview",
      "deadline": "Overviews due by {{date}}",
      "noCall": "No call for overviews.",
      "closed": "The call closed on {{date}}.",
      "dates": "Dates",
      "place": "Place",
      "reference": "Reference",
      "maxWords": "At most {{max}} words"
    },
    "new": {
      "title": "New event",
      "titleEn": "Title (English)",
      "titleFr": "Title (French)",
      "titleEs": "Title (Spanish)",
      "reference": "Document reference",
      "startsOn": "First day",
      "endsOn": "Last day",
      "place": "Place",
      "call": "Call for policy overviews",
      "deadline": "Deadline (date and time, UTC)",
      "maxWords": "Word limit for the whole overview",
      "section": "Section {{n}} of the template (leave the heading empty to have fewer sections)",
      "headingEn": "Heading (English)",
      "headingFr": "Heading (French)",
      "headingEs": "Heading (Spanish)",
      "guidanceEn": "Guidance (English)",
      "guidanceFr": "Guidance (French)",
      "guidanceEs": "Guidance (Spanish)",
      "create": "Create the event"
    }
  }
} as const;

type Shape = { readonly [K in keyof typeof en]: Catalogue<(typeof en)[K]> };

export const overviewPagesCatalogue: { en: Shape; fr: Shape; es: Shape } = {
  en,
  fr: {
  "overviews": {
    "nav": "Base de données des politiques",
    "statuses": {
      "draft": "brouillon",
      "submitted": "soumis",
      "returned": "renvoyé",
      "published": "publié",
      "withdrawn": "retiré"
    },
    "languages": {
      "en": "anglais",
      "fr": "français",
      "es": "espagnol"
    },
    "catalogue": {
      "title": "Base de données des politiques migratoires",
      "intro": "Les aperçus des approches politiques de leurs gouvernements rédigés par les délégations pour les ateliers et les sessions du dialogue, tels que l’Administration les a publiés.",
      "search": "Rechercher dans les aperçus",
      "filters": "Filtres",
      "language": "Langue",
      "anyLanguage": "Toutes les langues",
      "memberState": "État membre",
      "event": "Événement",
      "anyEvent": "Tous les événements",
      "topic": "Thème",
      "anyTopic": "Tous les thèmes",
      "year": "Année",
      "sort": "Ordre",
      "relevance": "Les plus pertinents d’abord",
      "date": "Les plus récents d’abord",
      "submit": "Rechercher",
      "results": "Résultats",
      "none": "Aucun aperçu publié ne correspond.",
      "published": "Publié le {{date}}",
      "next": "Résultats suivants",
      "previous": "Résultats précédents",
      "csv": "Télécharger ces résultats en CSV",
      "csvLimit": "(au plus {{max}} aperçus, dans cet ordre)"
    },
    "show": {
      "memberState": "État membre",
      "event": "Événement",
      "language": "Langue",
      "published": "Publication",
      "status": "État",
      "revision": "Version",
      "comment": "Commentaire de l’Administration",
      "print": "Imprimer cet aperçu",
      "back": "Revenir à la base de données des politiques"
    },
    "form": {
      "title": "Votre aperçu : {{event}}",
      "intro": "Décrivez les approches politiques de votre gouvernement dans les sections du modèle. La mise en forme légère suit Markdown : une ligne vide entre les paragraphes, # pour un intertitre, - pour un élément de liste, *emphase*, [texte du lien](https://…).",
      "deadline": "Date limite : {{date}}",
      "limit": "Longueur : {{words}} mots sur {{max}} au plus.",
      "status": "État : {{status}} (version {{revision}}), enregistré en dernier par {{who}} le {{when}}.",
      "notStarted": "Votre délégation n’a pas encore commencé cet aperçu.",
      "returned": "Renvoyé par l’Administration avec ce commentaire : {{comment}}",
      "language": "Langue de l’aperçu",
      "overviewTitle": "Titre",
      "sectionText": "Texte de la section",
      "saveDraft": "Enregistrer le brouillon",
      "submit": "Soumettre à l’Administration",
      "saved": "Enregistré : version {{revision}}, {{status}}.",
      "closed": "L’appel de cet événement est clos : l’aperçu ne peut plus être modifié.",
      "locked": "Cet aperçu est {{status}} : il ne peut plus être modifié.",
      "view": "Voir l’aperçu tel qu’il sera montré"
    },
    "review": {
      "title": "Aperçus des politiques à examiner",
      "none": "Aucun aperçu n’a encore été soumis.",
      "comment": "Commentaire à la délégation (facultatif pour publier, nécessaire pour renvoyer)",
      "reason": "Motif du retrait",
      "publish": "Publier",
      "return": "Renvoyer à la délégation",
      "withdraw": "Retirer",
      "view": "Lire",
      "words": "{{words}} mots"
    }
  },
  "events": {
    "nav": "Événements",
    "list": {
      "title": "Événements et appels à aperçus",
      "none": "Aucun événement pour l’instant.",
      "create": "Nouvel événement",
      "review": "Examiner les aperçus",
      "write": "Rédiger votre aperçu",
      "deadline": "Aperçus attendus avant le {{date}}",
      "noCall": "Pas d’appel à aperçus.",
      "closed": "L’appel a été clos le {{date}}.",
      "dates": "Dates",
      "place": "Lieu",
      "reference": "Référence",
      "maxWords": "{{max}} mots au plus"
    },
    "new": {
      "title": "Nouvel événement",
      "titleEn": "Titre (anglais)",
      "titleFr": "Titre (français)",
      "titleEs": "Titre (espagnol)",
      "reference": "Référence du document",
      "startsOn": "Premier jour",
      "endsOn": "Dernier jour",
      "place": "Lieu",
      "call": "Appel à aperçus des politiques",
      "deadline": "Date limite (date et heure, UTC)",
      "maxWords": "Nombre de mots maximal pour tout l’aperçu",
      "section": "Section {{n}} du modèle (laissez l’intitulé vide pour avoir moins de sections)",
      "headingEn": "Intitulé (anglais)",
      "headingFr": "Intitulé (français)",
      "headingEs": "Intitulé (espagnol)",
      "guidanceEn": "Consignes (anglais)",
      "guidanceFr": "Consignes (français)",
      "guidanceEs": "Consignes (espagnol)",
      "create": "Créer l’événement"
    }
  }
},
  es: {
  "overviews": {
    "nav": "Base de datos de políticas",
    "statuses": {
      "draft": "borrador",
      "submitted": "enviada",
      "returned": "devuelta",
      "published": "publicada",
      "withdrawn": "retirada"
    },
    "languages": {
      "en": "inglés",
      "fr": "francés",
      "es": "español"
    },
    "catalogue": {
      "title": "Base de datos de políticas migratorias",
      "intro": "Las reseñas de los enfoques políticos de sus gobiernos redactadas por las delegaciones para los talleres y las sesiones del diálogo, tal como la Administración las ha publicado.",
      "search": "Buscar en las reseñas",
      "filters": "Filtros",
      "language": "Idioma",
      "anyLanguage": "Todos los idiomas",
      "memberState": "Estado Miembro",
      "event": "Evento",
      "anyEvent": "Todos los eventos",
      "topic": "Tema",
      "anyTopic": "Todos los temas",
      "year": "Año",
      "sort": "Orden",
      "relevance": "Las más pertinentes primero",
      "date": "Las más recientes primero",
      "submit": "Buscar",
      "results": "Resultados",
      "none": "Ninguna reseña publicada coincide.",
      "published": "Publicada el {{date}}",
      "next": "Resultados siguientes",
      "previous": "Resultados anteriores",
      "csv": "Descargar estos resultados en CSV",
      "csvLimit": "(como máximo {{max}} reseñas, en este orden)"
    },
    "show": {
      "memberState": "Estado Miembro",
      "event": "Evento",
      "language": "Idioma",
      "published": "Publicación",
      "status": "Estado",
      "revision": "Versión",
      "comment": "Comentario de la Administración",
      "print": "Imprimir esta reseña",
      "back": "Volver a la base de datos de políticas"
    },
    "form": {
      "title": "Su reseña: {{event}}",
      "intro": "Describa los enfoques políticos de su gobierno en las secciones de la plantilla. El formato ligero sigue Markdown: una línea en blanco entre párrafos, # para un subtítulo, - para un elemento de lista, *énfasis*, [texto del enlace](https://…).",
      "deadline": "Fecha límite: {{date}}",
      "limit": "Extensión: {{words}} palabras de {{max}} como máximo.",
      "status": "Estado: {{status}} (versión {{revision}}), guardada por última vez por {{who}} el {{when}}.",
      "notStarted": "Su delegación aún no ha empezado esta reseña.",
      "returned": "Devuelta por la Administración con este comentario: {{comment}}",
      "language": "Idioma de la reseña",
      "overviewTitle": "Título",
      "sectionText": "Texto de la sección",
      "saveDraft": "Guardar como borrador",
      "submit": "Enviar a la Administración",
      "saved": "Guardada: versión {{revision}}, {{status}}.",
      "closed": "La convocatoria de este evento está cerrada: la reseña ya no puede modificarse.",
      "locked": "Esta reseña está {{status}}: ya no puede modificarse.",
      "view": "Ver la reseña tal como se mostrará"
    },
    "review": {
      "title": "Reseñas de políticas por examinar",
      "none": "Todavía no se ha enviado ninguna reseña.",
      "comment": "Comentario a la delegación (opcional para publicar, necesario para devolver)",
      "reason": "Motivo de la retirada",
      "publish": "Publicar",
      "return": "Devolver a la delegación",
      "withdraw": "Retirar",
      "view": "Leer",
      "words": "{{words}} palabras"
    }
  },
  "events": {
    "nav": "Eventos",
    "list": {
      "title": "Eventos y convocatorias de reseñas",
      "none": "Todavía no hay eventos.",
      "create": "Nuevo evento",
      "review": "Examinar las reseñas",
      "write": "Redactar su reseña",
      "deadline": "Reseñas esperadas antes del {{date}}",
      "noCall": "Sin convocatoria de reseñas.",
      "closed": "La convocatoria se cerró el {{date}}.",
      "dates": "Fechas",
      "place": "Lugar",
      "reference": "Referencia",
      "maxWords": "{{max}} palabras como máximo"
    },
    "new": {
      "title": "Nuevo evento",
      "titleEn": "Título (inglés)",
      "titleFr": "Título (francés)",
      "titleEs": "Título (español)",
      "reference": "Referencia del documento",
      "startsOn": "Primer día",
      "endsOn": "Último día",
      "place": "Lugar",
      "call": "Convocatoria de reseñas de políticas",
      "deadline": "Fecha límite (fecha y hora, UTC)",
      "maxWords": "Límite de palabras de toda la reseña",
      "section": "Sección {{n}} de la plantilla (deje el encabezado vacío para tener menos secciones)",
      "headingEn": "Encabezado (inglés)",
      "headingFr": "Encabezado (francés)",
      "headingEs": "Encabezado (español)",
      "guidanceEn": "Orientaciones (inglés)",
      "guidanceFr": "Orientaciones (francés)",
      "guidanceEs": "Orientaciones (español)",
      "create": "Crear el evento"
    }
  }
},
};
