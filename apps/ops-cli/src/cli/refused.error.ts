/** Well-formed but unsafe as things stand; the message says how to proceed. */
export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = RefusedError.name;
  }
}
