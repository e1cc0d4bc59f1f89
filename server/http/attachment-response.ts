import type { Response } from 'express';

/**
 * Sends an overview's PDF as a download: its own type, its sanitised name, never sniffed or shown
 * as a page of this site (a sandbox without scripts, nothing loaded), kept by no shared cache until published.
 */
export function sendPdf(res: Response, pdf: { readonly name: string; readonly sha256: string; readonly content: Buffer; readonly isPublic: boolean }): void {
  res.attachment(pdf.name);
  res.set({
    'Content-Type': 'application/pdf',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cache-Control': pdf.isPublic ? 'public, no-cache' : 'private, no-store',
    ETag: `"${pdf.sha256}"`,
  });
  res.send(pdf.content);
}
