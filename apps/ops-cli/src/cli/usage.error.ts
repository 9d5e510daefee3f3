/** The operator asked for something malformed or impossible: fix the command line (exit 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = UsageError.name;
  }
}
