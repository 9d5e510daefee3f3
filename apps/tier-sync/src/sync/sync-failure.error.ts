/** Permanent: the DLQ record carries this message as its reason. */
export class SyncFailure extends Error {
  override readonly name = 'SyncFailure';
}
