import type { Catalogue } from '../catalogue.js';

// Events, calls for policy overviews, the overviews themselves and their review.
const en = {
  validation: {
    dayOrTime: 'Give a date as YYYY-MM-DD, followed by the time if any (ISO 8601).',
    endsBeforeStart: 'The event cannot end before it starts.',
    unknownInvitedState: 'No Member State has the code {{iso3}}.',
    sectionCount: 'Write one text for each of the {{count}} sections of the template.',
    overWordLimit: 'The overview has {{words}} words; the limit is {{max}}.',
    callHasOverviews: 'Member States have written overviews for this event: its call for overviews cannot be removed.',
    sectionsFixed: 'Member States have written overviews in this template’s {{count}} sections: the sections can be reworded, not added or removed.',
    suggestedOverLimit: 'The sections’ suggested lengths add up to {{suggested}} words, more than the limit of {{max}}.',
    invitedNone: 'Tick at least one Member State, or invite every Member State.',
    invitedHasOverview: 'These Member States have written an overview for this event and must stay invited: {{iso3}}.',
  },
  errors: {
    staleOverview: 'The overview was changed by {{who}} on {{when}} (version {{revision}}) after you started. Nothing was saved: review the current overview and save again.',
    callClosed: 'This event’s call for overviews is closed: nothing more is taken.',
    notInvited: 'Your Member State is not invited to write an overview for this event.',
    overviewTransition: 'An overview that is {{from}} cannot become {{to}}.',
    surveyNotCounted: 'The survey is still open: events are made from its count once it is closed.',
  },
};

export const overviewsCatalogue: { en: typeof en; fr: Catalogue<typeof en>; es: Catalogue<typeof en> } = {
  en,
  fr: {
    validation: {
      dayOrTime: 'Indiquez une date au format AAAA-MM-JJ, suivie s’il y a lieu de l’heure (format ISO 8601).',
      endsBeforeStart: 'L’événement ne peut pas finir avant de commencer.',
      unknownInvitedState: 'Aucun État membre n’a le code {{iso3}}.',
      sectionCount: 'Rédigez un texte pour chacune des {{count}} sections du modèle.',
      overWordLimit: 'L’aperçu compte {{words}} mots ; la limite est de {{max}}.',
      callHasOverviews: 'Des États membres ont rédigé des aperçus pour cet événement\u202f: son appel à aperçus ne peut pas être supprimé.',
      sectionsFixed: 'Des États membres ont rédigé des aperçus dans les {{count}} sections de ce modèle\u202f: les sections peuvent être reformulées, mais non ajoutées ni supprimées.',
      suggestedOverLimit: 'Les longueurs suggérées des sections totalisent {{suggested}} mots, plus que la limite de {{max}}.',
      invitedNone: 'Cochez au moins un État membre, ou invitez tous les États membres.',
      invitedHasOverview: 'Ces États membres ont rédigé un aperçu pour cet événement et doivent rester invités\u202f: {{iso3}}.',
    },
    errors: {
      staleOverview: 'L’aperçu a été modifié par {{who}} le {{when}} (version {{revision}}) après que vous avez commencé. Rien n’a été enregistré : examinez l’aperçu actuel et enregistrez à nouveau.',
      callClosed: 'L’appel à aperçus de cet événement est clos : plus rien n’est reçu.',
      notInvited: 'Votre État membre n’est pas invité à rédiger un aperçu pour cet événement.',
      overviewTransition: 'Un aperçu à l’état « {{from}} » ne peut pas passer à l’état « {{to}} ».',
      surveyNotCounted: 'L’enquête est encore ouverte : les événements sont créés d’après son dépouillement une fois close.',
    },
  },
  es: {
    validation: {
      dayOrTime: 'Indique una fecha como AAAA-MM-DD, seguida de la hora si procede (ISO 8601).',
      endsBeforeStart: 'El evento no puede terminar antes de empezar.',
      unknownInvitedState: 'Ningún Estado Miembro tiene el código {{iso3}}.',
      sectionCount: 'Escriba un texto para cada una de las {{count}} secciones de la plantilla.',
      overWordLimit: 'La reseña tiene {{words}} palabras; el límite es {{max}}.',
      callHasOverviews: 'Hay Estados Miembros que han redactado reseñas para este evento: su convocatoria de reseñas no puede suprimirse.',
      sectionsFixed: 'Hay Estados Miembros que han redactado reseñas en las {{count}} secciones de esta plantilla: las secciones pueden reformularse, pero no añadirse ni suprimirse.',
      suggestedOverLimit: 'Las extensiones sugeridas de las secciones suman {{suggested}} palabras, más que el límite de {{max}}.',
      invitedNone: 'Marque al menos un Estado Miembro, o invite a todos los Estados Miembros.',
      invitedHasOverview: 'Estos Estados Miembros han redactado una reseña para este evento y deben seguir invitados: {{iso3}}.',
    },
    errors: {
      staleOverview: '{{who}} modificó la reseña el {{when}} (versión {{revision}}) después de que usted empezara. No se guardó nada: revise la reseña actual y vuelva a guardarla.',
      callClosed: 'La convocatoria de reseñas de este evento está cerrada: ya no se recibe nada.',
      notInvited: 'Su Estado Miembro no está invitado a redactar una reseña para este evento.',
      overviewTransition: 'Una reseña en estado «{{from}}» no puede pasar a «{{to}}».',
      surveyNotCounted: 'La encuesta sigue abierta: los eventos se crean a partir de su escrutinio una vez cerrada.',
    },
  },
};
