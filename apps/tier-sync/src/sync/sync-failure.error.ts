/**
 * A command the sync cannot carry out whatever it retries (no target tier, no tier name, an unusable
 * partner update): classified permanent, so it goes to the DLQ with this message as its reason.
 */
export class SyncFailure extends Error {
  override readonly name = 'SyncFailure';
}
