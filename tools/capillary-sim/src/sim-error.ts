export class SimApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = SimApiError.name;
  }

  get body(): unknown {
    return errorEnvelope(this.code, this.message);
  }
}

export function errorEnvelope(code: number, message: string): unknown {
  return { warnings: [], errors: [{ status: false, code, message }] };
}

/**
 * The vendor documents no code for a few invalid inputs (bad source, over-long reason, non-object body);
 * the simulator answers them with 400 and this code so tests can tell them apart from documented ones.
 */
export const SIM_INVALID_INPUT = 9999;

export function invalidInput(message: string): SimApiError {
  return new SimApiError(400, SIM_INVALID_INPUT, message);
}
