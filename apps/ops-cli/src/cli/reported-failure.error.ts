/**
 * The command printed its full report, but part of the work failed: exit 1 without printing a second
 * result (stdout must stay one JSON document with --json).
 */
export class ReportedFailureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = ReportedFailureError.name;
  }
}
