export default async function globalTeardown(): Promise<void> {
  await Promise.all([
    globalThis.__TIERSYNC_TEST_BROKER__?.stop(),
    globalThis.__TIERSYNC_SECURE_TEST_BROKER__?.stop(),
  ]);
}
