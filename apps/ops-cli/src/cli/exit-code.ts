import { ConfigValidationError } from '@tiersync/env-config';
import { CommanderError } from 'commander';
import { PreflightFailedError } from './preflight-failed.error';
import { RefusedError } from './refused.error';
import { UsageError } from './usage.error';

/** The CLI's contract with scripts and on-call runbooks. */
export const ExitCode = { ok: 0, failure: 1, usage: 2, refused: 3, preflightFailed: 4 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export function exitCodeOf(error: unknown): ExitCode {
  if (error instanceof RefusedError) {
    return ExitCode.refused;
  }
  if (error instanceof PreflightFailedError) {
    return ExitCode.preflightFailed;
  }
  if (
    error instanceof UsageError ||
    error instanceof ConfigValidationError ||
    error instanceof CommanderError
  ) {
    return ExitCode.usage;
  }
  return ExitCode.failure;
}
