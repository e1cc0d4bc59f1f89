/** The shape of a catalogue: every language must have exactly the English keys. */
export type Catalogue<T> = { readonly [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };
