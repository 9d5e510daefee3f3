/** Stops the broker the global setup started (a no-op for an existing cluster). */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__TIERSYNC_TEST_BROKER__?.stop();
}
