/** demoSeed(), by name, for tests and tools: who is where, and on which tier (program 973 / 2834). */
export const FAMILY1 = {
  groupId: 3918893,
  primary: 566998132,
  sam: 567219877,
  /** exited; Silver */
  eli: 564662499,
  /** Platinum / GOLD: above the primary */
  max: 567300001,
  /** Silver; FRAUD_CONFIRMED: every adjustment fails with 3045 */
  fay: 567300002,
} as const;

export const FAMILY2 = {
  groupId: 3918894,
  primary: 566998200,
  /** Gold: above the primary */
  bob: 566998201,
  cid: 566998202,
} as const;

export const LOU = 570000001;
