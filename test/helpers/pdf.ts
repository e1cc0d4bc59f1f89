/**
 * A real, tiny PDF (one empty page of 200 × 200 points), its cross-reference table at the right
 * offsets, with `text` in its document information, so that two files can differ.
 */
export function buildPdf(text = 'Policy overview'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> >>',
    `<< /Title (${text.replace(/[()\\]/g, '\\$&')}) >>`,
  ];
  // The header, then a comment of bytes above 127, as PDF writers put to mark the file as binary.
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%', 'latin1'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), Buffer.from('\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts.reduce((n, p) => n + p.length, 0);
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1');
    parts.push(object);
    length += object.length;
  });
  const xref = [
    'xref', `0 ${objects.length + 1}`, '0000000000 65535 f ',
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `),
    'trailer', `<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>`, 'startxref', String(length), '%%EOF', '',
  ].join('\n');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}
