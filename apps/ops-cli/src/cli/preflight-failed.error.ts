import { ReportedFailureError } from './reported-failure.error';

/** `ops doctor` found a contradiction or a failed check; its own exit code, so scripts can gate on it. */
export class PreflightFailedError extends ReportedFailureError {
  constructor(message: string) {
    super(message);
    this.name = PreflightFailedError.name;
  }
}
