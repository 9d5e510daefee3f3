const NUMERIC = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/;

/** The vendor renders ids and tier numbers as numbers, numeric strings or floats such as `379499720.0`. */
export function toNumberIfNumeric(value: unknown): unknown {
  return typeof value === 'string' && NUMERIC.test(value) ? Number(value) : value;
}
