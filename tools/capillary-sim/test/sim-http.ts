import { createHash } from 'node:crypto';
import { type CapillarySim, type CapillarySimOptions, startCapillarySim } from '../src/capillary-sim';

export function basicHeader(user: string, password: string): Record<string, string> {
  const md5 = createHash('md5').update(password).digest('hex');
  return { authorization: `Basic ${Buffer.from(`${user}:${md5}`).toString('base64')}` };
}

export interface SimAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/** A raw HTTP call to the simulator, for asserting exact statuses and envelopes. */
export async function simCall(
  sim: CapillarySim,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<SimAnswer> {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    // plain-text answers (503) stay text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

export function envelope(code: number): unknown {
  return { warnings: [], errors: [{ status: false, code, message: expect.any(String) as unknown }] };
}

/** Read `.sim` inside tests: the simulator starts in beforeAll. */
export function useSim(options: CapillarySimOptions = {}): { readonly sim: CapillarySim } {
  const ctx = { sim: undefined as unknown as CapillarySim };
  beforeAll(async () => {
    ctx.sim = await startCapillarySim(options);
  });
  beforeEach(() => {
    ctx.sim.control.reset();
  });
  afterAll(() => ctx.sim.stop());
  return ctx;
}
