/** A copy of a typed array in a larger buffer of `size` entries (the rest zero). */
export function resized<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const grown = new (a.constructor as new (n: number) => T)(size);
  grown.set(a);
  return grown;
}
