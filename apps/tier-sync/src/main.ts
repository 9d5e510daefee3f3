import { Logger } from '@nestjs/common';
import { bootstrap } from './bootstrap';

bootstrap().catch((error: unknown) => {
  new Logger('tier-sync').error({
    msg: 'tier-sync failed to start',
    error: error instanceof Error ? error.message : String(error),
  });
  process.exit(1);
});
