import type { Catalogue } from '../catalogue.js';

// The PDF a delegation may attach to its overview: the form on the overview page, the link on the
// overview's pages, and why a file is refused.
const en = {
  validation: {
    attachmentMissing: 'Choose a PDF file to attach.',
    attachmentEmpty: 'The file is empty. Choose a PDF document.',
    attachmentTooLarge: 'The file is larger than {{max}} MB, the most an attached file may be.',
    notPdf: 'The file is not a PDF document: it does not begin as a PDF does. Save or export your document as PDF and choose that file.',
    pdfIncomplete: 'The file is not a complete PDF document: its end is missing. Save or export it again as PDF.',
    attachmentNeedsOverview: 'Save your overview before attaching a file to it.',
  },
  errors: {
    noAttachment: 'This overview has no attached file.',
    attachmentLocked: {
      published: 'The overview is published: its attached file can no longer be changed.',
      withdrawn: 'The overview is withdrawn: its attached file can no longer be changed.',
    },
    attachmentTooLarge: 'The file is larger than {{max}} MB, the most an attached file may be. Nothing was saved.',
    pdfExpected: 'Send the PDF’s bytes as the body, with Content-Type: application/pdf.',
  },
  attachments: {
    heading: 'Attached PDF (optional)',
    hint: 'One PDF document of at most {{max}} MB, for example the full text of a law or policy paper. It is published with the overview. Attaching, replacing or removing it saves a new version of the overview: save your changes to the text first.',
    none: 'No file is attached.',
    file: 'PDF file',
    attach: 'Attach the file',
    replace: 'Replace the file',
    remove: 'Remove the attached file',
    document: 'Attached document',
    link: '{{name}} (PDF, {{size}})',
    size: { bytes: '{{size}} bytes', kB: '{{size}} kB', MB: '{{size}} MB' },
  },
};

const fr: Catalogue<typeof en> = {
  validation: {
    attachmentMissing: 'Choisissez un fichier PDF à joindre.',
    attachmentEmpty: 'Le fichier est vide. Choisissez un document PDF.',
    attachmentTooLarge: 'Le fichier dépasse {{max}}\u00a0Mo, la taille maximale d’un fichier joint.',
    notPdf: 'Le fichier n’est pas un document PDF\u202f: il ne commence pas comme un PDF. Enregistrez ou exportez votre document en PDF et choisissez ce fichier.',
    pdfIncomplete: 'Le fichier n’est pas un document PDF complet\u202f: sa fin manque. Enregistrez-le ou exportez-le de nouveau en PDF.',
    attachmentNeedsOverview: 'Enregistrez votre aperçu avant d’y joindre un fichier.',
  },
  errors: {
    noAttachment: 'Cet aperçu n’a pas de fichier joint.',
    attachmentLocked: {
      published: 'L’aperçu est publié\u202f: son fichier joint ne peut plus être modifié.',
      withdrawn: 'L’aperçu est retiré\u202f: son fichier joint ne peut plus être modifié.',
    },
    attachmentTooLarge: 'Le fichier dépasse {{max}}\u00a0Mo, la taille maximale d’un fichier joint. Rien n’a été enregistré.',
    pdfExpected: 'Envoyez les octets du PDF comme corps de la requête, avec Content-Type\u202f: application/pdf.',
  },
  attachments: {
    heading: 'PDF joint (facultatif)',
    hint: 'Un document PDF d’au plus {{max}}\u00a0Mo, par exemple le texte intégral d’une loi ou d’un document de politique. Il est publié avec l’aperçu. Le joindre, le remplacer ou le retirer enregistre une nouvelle version de l’aperçu\u202f: enregistrez d’abord vos modifications du texte.',
    none: 'Aucun fichier n’est joint.',
    file: 'Fichier PDF',
    attach: 'Joindre le fichier',
    replace: 'Remplacer le fichier',
    remove: 'Retirer le fichier joint',
    document: 'Document joint',
    link: '{{name}} (PDF, {{size}})',
    size: { bytes: '{{size}}\u00a0octets', kB: '{{size}}\u00a0ko', MB: '{{size}}\u00a0Mo' },
  },
};

const es: Catalogue<typeof en> = {
  validation: {
    attachmentMissing: 'Elija un archivo PDF para adjuntar.',
    attachmentEmpty: 'El archivo está vacío. Elija un documento PDF.',
    attachmentTooLarge: 'El archivo supera {{max}} MB, el tamaño máximo de un archivo adjunto.',
    notPdf: 'El archivo no es un documento PDF: no empieza como un PDF. Guarde o exporte su documento en PDF y elija ese archivo.',
    pdfIncomplete: 'El archivo no es un documento PDF completo: le falta el final. Guárdelo o expórtelo de nuevo en PDF.',
    attachmentNeedsOverview: 'Guarde su reseña antes de adjuntarle un archivo.',
  },
  errors: {
    noAttachment: 'Esta reseña no tiene archivo adjunto.',
    attachmentLocked: {
      published: 'La reseña está publicada: su archivo adjunto ya no se puede cambiar.',
      withdrawn: 'La reseña está retirada: su archivo adjunto ya no se puede cambiar.',
    },
    attachmentTooLarge: 'El archivo supera {{max}} MB, el tamaño máximo de un archivo adjunto. No se guardó nada.',
    pdfExpected: 'Envíe los bytes del PDF como cuerpo, con Content-Type: application/pdf.',
  },
  attachments: {
    heading: 'PDF adjunto (opcional)',
    hint: 'Un documento PDF de como máximo {{max}} MB, por ejemplo el texto completo de una ley o de un documento de política. Se publica con la reseña. Adjuntarlo, reemplazarlo o quitarlo guarda una nueva versión de la reseña: guarde antes sus cambios en el texto.',
    none: 'No hay ningún archivo adjunto.',
    file: 'Archivo PDF',
    attach: 'Adjuntar el archivo',
    replace: 'Reemplazar el archivo',
    remove: 'Quitar el archivo adjunto',
    document: 'Documento adjunto',
    link: '{{name}} (PDF, {{size}})',
    size: { bytes: '{{size}} bytes', kB: '{{size}} kB', MB: '{{size}} MB' },
  },
};

export const overviewAttachmentsCatalogue = { en, fr, es };
