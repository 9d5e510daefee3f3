// Preloaded into a profiled app (`--cpu-prof`). Node writes the profile only on a normal exit, but Nest's
// shutdown hook ends by re-raising SIGTERM; while this listener stays, that second SIGTERM exits cleanly.
let signals = 0;
process.on('SIGTERM', () => {
  signals += 1;
  if (signals > 1) {
    process.exit(0);
  }
});
