/** The command is well-formed but unsafe as things stand; the message says how to proceed (exit 3). */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = RefusedError.name;
  }
}
