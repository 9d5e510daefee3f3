export class RefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = RefusedError.name;
  }
}
