import type { Catalogue } from '../catalogue.js';

// Requests refused before any page handles them: too large, in an encoding the app does not read,
// or malformed. Shown on the error page (and in the API's error body).
const en = {
  errors: {
    title: { 413: 'Too much sent at once', 415: 'This content cannot be read' },
    tooLarge: 'The request is too large: a form sends at most 200 kB, an uploaded file at most 5 MB. Go back and send less.',
    unsupportedContent: 'The request is not in a form this site reads: forms and JSON are read in UTF-8 only. Go back and try again from the page.',
    malformedUpload: 'The uploaded form is malformed and could not be read. Go back, choose the file again and send it.',
  },
};

const fr: Catalogue<typeof en> = {
  errors: {
    title: { 413: 'Trop de données envoyées à la fois', 415: 'Ce contenu ne peut pas être lu' },
    tooLarge: 'La requête est trop volumineuse\u202f: un formulaire envoie au plus 200\u00a0ko, un fichier au plus 5\u00a0Mo. Revenez en arrière et envoyez moins.',
    unsupportedContent: 'La requête n’est pas sous une forme que ce site lit\u202f: les formulaires et le JSON sont lus en UTF-8 uniquement. Revenez en arrière et réessayez depuis la page.',
    malformedUpload: 'Le formulaire envoyé est mal formé et n’a pas pu être lu. Revenez en arrière, choisissez de nouveau le fichier et envoyez-le.',
  },
};

const es: Catalogue<typeof en> = {
  errors: {
    title: { 413: 'Demasiados datos enviados a la vez', 415: 'Este contenido no se puede leer' },
    tooLarge: 'La solicitud es demasiado grande: un formulario envía como máximo 200 kB, un archivo como máximo 5 MB. Vuelva atrás y envíe menos.',
    unsupportedContent: 'La solicitud no tiene una forma que este sitio lea: los formularios y el JSON se leen solo en UTF-8. Vuelva atrás e inténtelo de nuevo desde la página.',
    malformedUpload: 'El formulario enviado está mal formado y no se pudo leer. Vuelva atrás, elija de nuevo el archivo y envíelo.',
  },
};

export const requestErrorsCatalogue = { en, fr, es };
