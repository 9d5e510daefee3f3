/** The report is already printed: stdout must stay one JSON document with --json. */
export class ReportedFailureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = ReportedFailureError.name;
  }
}
