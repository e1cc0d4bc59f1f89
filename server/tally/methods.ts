// The counting methods: one definition each, in its method's file. A new method is its file, one
// entry here (its place in METHODS is its place in lists), its translations and its tests; the
// compiler points at anything else that must learn of it.
import { BORDA } from './borda.js';
import { IRV } from './irv.js';
import type { MethodDefinition } from './method-definition.js';
import { PLURALITY } from './plurality.js';
import { SCHULZE } from './schulze.js';
import { STV } from './stv.js';
import type { Method } from './types.js';

export const METHOD_DEFINITIONS: { readonly [M in Method]: MethodDefinition<M> } = {
  irv: IRV,
  stv: STV,
  schulze: SCHULZE,
  borda: BORDA,
  plurality: PLURALITY,
};

/** Every method, in the order forms and comparisons list them. */
export const METHODS: readonly Method[] = Object.freeze(Object.keys(METHOD_DEFINITIONS) as Method[]);

export function isMethod(value: string): value is Method {
  return Object.hasOwn(METHOD_DEFINITIONS, value);
}

/** Throws RangeError on a method from outside the types (a count asked for by name). */
export function methodDefinition<M extends Method>(method: M): MethodDefinition<M> {
  if (!isMethod(method)) throw new RangeError(`unknown method ${String(method)}`);
  return METHOD_DEFINITIONS[method];
}
