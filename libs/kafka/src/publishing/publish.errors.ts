/** Why a record could not be acknowledged in time; every reason is transient (answered 429). */
export type UnavailableReason = 'deadline' | 'failed' | 'queue-full' | 'closed';

export class KafkaUnavailableError extends Error {
  override readonly name = 'KafkaUnavailableError';

  constructor(
    readonly reason: UnavailableReason,
    options?: { cause?: unknown },
  ) {
    // The cause's text stays in the message: dead-letter reasons and logs quote the message only.
    const cause = options?.cause instanceof Error ? `: ${options.cause.name}: ${options.cause.message}` : '';
    super(`Kafka did not acknowledge the record (${reason}${cause})`, options);
  }
}

/** The broker refuses the record for its size: retrying the same body can never succeed. */
export class RecordTooLargeError extends Error {
  override readonly name = 'RecordTooLargeError';

  constructor(options?: { cause?: unknown }) {
    super('Kafka refused the record as too large', options);
  }
}

const TOO_LARGE_TYPES = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** kafkajs wraps protocol errors (retrier, per-broker aggregates); this looks through the wrappers. */
export function isTooLargeError(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) {
    return false;
  }
  const { type, cause, errors } = error as { type?: unknown; cause?: unknown; errors?: unknown };
  if (typeof type === 'string' && TOO_LARGE_TYPES.has(type)) {
    return true;
  }
  const nested = Array.isArray(errors) ? (errors as unknown[]) : [];
  return [cause, ...nested].some((inner) => isTooLargeError(inner, depth + 1));
}
