// The end of every switch over a union (a method, an export kind...): the compiler refuses the
// call while a member is left unhandled, and a value from outside the types throws.

export function assertNever(value: never, what = 'value'): never {
  throw new RangeError(`unknown ${what} ${String(value)}`);
}
