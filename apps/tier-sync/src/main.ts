import { ConsoleLogger } from '@nestjs/common';
import { bootstrap } from './bootstrap';

bootstrap().catch((error: unknown) => {
  // Its own logger: the app's is still buffering (bufferLogs) when init fails, and would print nothing.
  new ConsoleLogger('tier-sync', { json: true }).fatal({
    msg: 'tier-sync failed to start',
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
});
