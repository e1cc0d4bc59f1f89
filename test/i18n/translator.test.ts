import { expect } from 'chai';
import { translatorFor } from '../../server/i18n/index.js';

describe('i18n translator', () => {
  it('gives each call its own parameters, however often the same key is asked for', () => {
    const t = translatorFor('en');
    for (let i = 0; i < 3; i++) {
      expect(t('audit.chainOk', { count: 12 })).to.contain('12 entries');
      expect(t('audit.chainOk', { count: 7 })).to.contain('7 entries');
      expect(t('audit.chainBroken', { seq: 'x' })).to.contain('entry x');
    }
  });

  it('keeps the languages apart', () => {
    const en = translatorFor('en')('audit.chainBroken', { seq: 3 });
    const fr = translatorFor('fr')('audit.chainBroken', { seq: 3 });
    expect(fr).to.not.equal(en);
    expect(translatorFor('en')('audit.chainBroken', { seq: 3 })).to.equal(en);
  });

  it('tells a number from the same digits as a string, and passes other parameters through untouched', () => {
    const t = translatorFor('en');
    expect(t('audit.chainBroken', { seq: 5 })).to.equal(t('audit.chainBroken', { seq: '5' }));
    const when = { toString: () => 'then' };
    expect(t('audit.chainBroken', { seq: when })).to.contain('then');
    expect(t('audit.chainBroken', { seq: { toString: () => 'later' } })).to.contain('later');
  });
});
