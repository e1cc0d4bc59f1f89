import { expect } from 'chai';
import { MAX_ATTACHMENT_BYTES, MAX_FILE_NAME_LENGTH, pdfProblem, sanitiseFileName } from '../../server/domain/overviews/attachments.js';
import { buildPdf } from '../helpers/pdf.js';

describe('overview attachments: what is taken as a PDF, and file names', () => {
  it('takes a complete PDF of version 1.x or 2.x, its end-of-file marker followed by a line end or a few bytes', () => {
    const pdf = buildPdf();
    expect(pdfProblem(pdf)).to.equal(null);
    expect(pdfProblem(Buffer.concat([Buffer.from('%PDF-2.0'), pdf.subarray(8)]))).to.equal(null);
    expect(pdfProblem(Buffer.concat([pdf, Buffer.from('\r\n\0\0')]))).to.equal(null);
  });

  it('refuses empty, foreign, prefixed, truncated and oversized files, naming the field and the reason', () => {
    const pdf = buildPdf();
    const key = (bytes: Buffer) => pdfProblem(bytes)?.key;
    expect(key(Buffer.alloc(0))).to.equal('validation.attachmentEmpty');
    expect(key(Buffer.from('<!DOCTYPE html><html><body>%PDF-1.4</body></html>\n%%EOF'))).to.equal('validation.notPdf');
    expect(key(Buffer.from('Hello, world.'))).to.equal('validation.notPdf');
    expect(key(Buffer.concat([Buffer.from(' '), pdf]))).to.equal('validation.notPdf');
    expect(key(Buffer.concat([Buffer.from('%PDF-3.0'), pdf.subarray(8)]))).to.equal('validation.notPdf');
    expect(key(Buffer.from('%PDF-'))).to.equal('validation.notPdf');
    expect(key(pdf.subarray(0, pdf.length - 20))).to.equal('validation.pdfIncomplete');
    // The marker must be near the end, not anywhere in the file.
    expect(key(Buffer.concat([pdf, Buffer.alloc(2048, 0x20)]))).to.equal('validation.pdfIncomplete');
    const big = Buffer.concat([pdf, Buffer.alloc(MAX_ATTACHMENT_BYTES - pdf.length + 1, 0x20), Buffer.from('%%EOF')]);
    expect(pdfProblem(big)).to.deep.equal({ field: 'file', key: 'validation.attachmentTooLarge', params: { max: 5 } });
    expect(pdfProblem(Buffer.from('x'))?.field).to.equal('file');
  });

  it('makes a file name safe to show and to send in a header, ending in .pdf', () => {
    expect(sanitiseFileName('Política de retorno.pdf')).to.equal('Política de retorno.pdf');
    expect(sanitiseFileName('C:\\Users\\ana\\Overview.PDF')).to.equal('Overview.pdf');
    expect(sanitiseFileName('../../etc/passwd')).to.equal('passwd.pdf');
    expect(sanitiseFileName('a "quoted": name?<>|*.pdf')).to.equal('a _quoted__ name_____.pdf');
    expect(sanitiseFileName('line\r\nbreak\u0000.pdf')).to.equal('linebreak.pdf');
    // A right-to-left override would show "fdp.exe" as "exe.pdf".
    expect(sanitiseFileName('report\u202Efdp.exe')).to.equal('reportfdp.exe.pdf');
    expect(sanitiseFileName('   ')).to.equal('overview.pdf');
    expect(sanitiseFileName('.pdf')).to.equal('overview.pdf');
    expect(sanitiseFileName('...hidden.pdf')).to.equal('hidden.pdf');
    const long = sanitiseFileName(`${'é'.repeat(400)}.pdf`);
    expect([...long]).to.have.length(MAX_FILE_NAME_LENGTH);
    expect(long.endsWith('é.pdf')).to.equal(true);
    expect(sanitiseFileName('Cafe\u0301.pdf')).to.equal('Café.pdf');
  });
});
