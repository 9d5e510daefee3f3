/** Test seams: unit tests pin time and jitter; the app leaves both unprovided and gets the real ones. */
export type Clock = () => number;
export type Random = () => number;

export const CLOCK = Symbol('Clock');
export const RANDOM = Symbol('Random');
