/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs` with the
 * description and the last value `describe` gives (so a failing test says what it was waiting for).
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  options: { timeoutMs?: number; intervalMs?: number; describe?: () => unknown } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      const seen = options.describe ? `; last seen: ${JSON.stringify(options.describe())}` : '';
      throw new Error(`timed out waiting for ${what}${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

/**
 * Set-up steps against a broker that several test files load at once: a topic just created can briefly be
 * unknown to the partition leader ("does not host this topic-partition"), so such a step is tried again.
 */
export async function settingUp<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
