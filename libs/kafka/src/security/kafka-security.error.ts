/** The message names the variable to fix and never carries its value. */
export class KafkaSecurityError extends Error {
  /** Read by kafkajs' retrier: a wrong setting does not fix itself, so kafkajs gives up at once. */
  readonly retriable: boolean;

  constructor(message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = KafkaSecurityError.name;
    this.retriable = options.retriable ?? false;
  }
}
