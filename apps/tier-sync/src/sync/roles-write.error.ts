/** Kafka did not take a roles record: infrastructure, for the consumer to retry, never a command's failure. */
export class RolesWriteError extends Error {
  override readonly name = 'RolesWriteError';

  constructor(cause: unknown) {
    super(`customer roles not written: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
