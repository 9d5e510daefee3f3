import { CapillaryApiError } from '@tiersync/capillary-client';
import { testPolicy } from '../../test/sync-fixtures';
import { type Random } from '../clock';
import { CapillaryRetry } from './capillary.retry';

const retryable = (retryAfterMs?: number) =>
  new CapillaryApiError('503', { kind: 'http', status: 503, retryable: true, retryAfterMs });
const policy = (backoffBaseMs: number, backoffMaxMs: number, random: Random) =>
  new CapillaryRetry(
    {
      sync: testPolicy({
        retry: { ...testPolicy().retry, inProcessAttempts: 3, backoffBaseMs, backoffMaxMs },
      }),
    },
    random,
  );
const sut = policy(1, 5, () => 0);

function failing(errors: Error[]): { task: () => Promise<string>; calls: () => number } {
  let calls = 0;
  return {
    task: () => {
      const error = errors[calls++];
      return error === undefined ? Promise.resolve('ok') : Promise.reject(error);
    },
    calls: () => calls,
  };
}

describe(CapillaryRetry.name, () => {
  it('retries retryable failures and returns the first success', async () => {
    const { task, calls } = failing([retryable(), retryable()]);
    const seen: number[] = [];
    await expect(
      sut.execute((attempt) => {
        seen.push(attempt);
        return task();
      }),
    ).resolves.toBe('ok');
    expect(calls()).toBe(3);
    expect(seen).toEqual([1, 2, 3]);
  });

  it('gives up after the last attempt with the last error', async () => {
    const last = retryable();
    const { task, calls } = failing([retryable(), retryable(), last, retryable()]);
    await expect(sut.execute(task)).rejects.toBe(last);
    expect(calls()).toBe(3);
  });

  it('does not retry permanent failures', async () => {
    const permanent = new CapillaryApiError('8015', {
      kind: 'api',
      code: 8015,
      status: 400,
      retryable: false,
    });
    const { task, calls } = failing([permanent]);
    await expect(sut.execute(task)).rejects.toBe(permanent);
    expect(calls()).toBe(1);
  });

  it('hands a Retry-After longer than its cap to the caller instead of sleeping', async () => {
    const slow = retryable(60_000);
    const { task, calls } = failing([slow]);
    await expect(sut.execute(task)).rejects.toBe(slow);
    expect(calls()).toBe(1);
  });

  it('stops waiting when the signal aborts', async () => {
    const controller = new AbortController();
    const { task, calls } = failing([retryable(), retryable()]);
    const run = policy(60_000, 60_000, () => 1).execute(task, controller.signal);
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls()).toBe(1);
  });
});
