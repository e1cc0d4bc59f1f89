import { expect } from 'chai';
import { translatorFor } from '../../server/i18n/index.js';
import { LANGUAGES } from '../../server/i18n/languages.js';
import { assertNever, countQuestion, isMethod, METHOD_DEFINITIONS, methodDefinition, METHODS, toResultJson } from '../../server/tally/index.js';
import type { Method } from '../../server/tally/index.js';
import { buildBallots } from './build-ballots.js';

describe('tally/methods registry', () => {
  it('lists every method once, in the order forms and comparisons show them, each under its own name', () => {
    expect(METHODS).to.deep.equal(['irv', 'stv', 'schulze', 'borda', 'plurality']);
    for (const method of METHODS) expect(METHOD_DEFINITIONS[method].method).to.equal(method);
  });

  it('tells methods from other names, inherited object keys included', () => {
    for (const method of METHODS) expect(isMethod(method)).to.equal(true);
    for (const name of ['', 'IRV', 'approval', 'toString', 'constructor', '__proto__']) expect(isMethod(name)).to.equal(false);
  });

  it('refuses to count with a method it does not know', () => {
    const built = buildBallots('1: A > B');
    expect(() => countQuestion({ method: 'approval' as Method, options: built.options, ballots: built.ballots })).to.throw(RangeError, 'unknown method approval');
    expect(() => methodDefinition('toString' as Method)).to.throw(RangeError, 'unknown method toString');
  });

  it('counts each method with its own definition, whose JSON fields sit between winners and ties', () => {
    const built = buildBallots('4: A > B > C\n3: B > C > A\n2: C > A > B');
    for (const method of METHODS) {
      const result = countQuestion({ method, options: built.options, ballots: built.ballots, seats: 1 });
      expect(result.method).to.equal(method);
      const keys = Object.keys(toResultJson(result));
      expect(keys.slice(0, 6)).to.deep.equal(['method', 'rules', 'seats', 'valid', 'blank', 'winners']);
      expect(keys.slice(-3)).to.deep.equal(['ties', 'seed', 'lotDrawn']);
      expect(keys.slice(6, -3)).to.deep.equal(Object.keys(methodDefinition(method).json(result as never, (o) => built.options[o]!)));
    }
  });

  it('has a name and a rules sentence for every method, for one seat and several, in every language', () => {
    for (const language of LANGUAGES) {
      const t = translatorFor(language);
      for (const method of METHODS) {
        const definition = methodDefinition(method);
        for (const seats of [1, 3]) {
          const key = `results.rules.${definition.rulesKey(seats)}`;
          expect(t(key, { seats }), `${language} ${key}`).to.not.equal(key);
        }
        expect(t(`surveys.methods.${method}`), `${language} ${method}`).to.not.equal(`surveys.methods.${method}`);
      }
    }
  });
});

describe('tally/assertNever', () => {
  it('throws a RangeError naming what it was given', () => {
    expect(() => assertNever('approval' as never, 'method')).to.throw(RangeError, 'unknown method approval');
  });
});
