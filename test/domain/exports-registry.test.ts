import { expect } from 'chai';
import { EXPORT_DEFINITIONS, EXPORT_KINDS, exportKindOfFile, isExportKind, listedExportKinds } from '../../server/domain/exports/index.js';
import { translatorFor } from '../../server/i18n/index.js';
import { LANGUAGES } from '../../server/i18n/languages.js';

describe('domain/exports registry', () => {
  it('finds each kind again from its file name and extension, and nothing else', () => {
    for (const kind of EXPORT_KINDS) {
      const { file } = EXPORT_DEFINITIONS[kind];
      expect(exportKindOfFile(file.name, file.extension), `${file.name}.${file.extension}`).to.equal(kind);
    }
    expect(exportKindOfFile('ballots', 'blt')).to.equal('blt');
    for (const [name, extension] of [['audit', 'blt'], ['votes', 'csv'], ['toString', 'csv'], ['tally', 'json']] as const) {
      expect(exportKindOfFile(name, extension), `${name}.${extension}`).to.equal(null);
    }
    expect(isExportKind('toString')).to.equal(false);
  });

  it('offers staff the CSV kinds but the audit log, and administrators the audit log too; BLT has its own button', () => {
    expect(listedExportKinds('staff')).to.deep.equal(['ballots', 'tally', 'rounds', 'pairwise', 'participation', 'proposals']);
    expect(listedExportKinds('admin')).to.deep.equal(['ballots', 'tally', 'rounds', 'pairwise', 'participation', 'proposals', 'audit']);
  });

  it('names and describes every kind in every language', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      for (const kind of EXPORT_KINDS) {
        for (const key of [`exports.kinds.${kind}`, `exports.describe.${kind}`]) expect(t(key), `${language} ${key}`).to.not.equal(key);
      }
    }
  });
});
