import { startCapillarySim } from './capillary-sim';
import { CONTROL_ENDPOINTS } from './control-handler';
import { type WebhookTarget } from './webhook.types';

const RETRY_VARIABLES = {
  maxAttempts: 'SIM_WEBHOOK_MAX_ATTEMPTS',
  backoffMs: 'SIM_WEBHOOK_BACKOFF_MS',
  maxBackoffMs: 'SIM_WEBHOOK_MAX_BACKOFF_MS',
  maxElapsedMs: 'SIM_WEBHOOK_MAX_ELAPSED_MS',
} as const;

/** The webhook retry schedule's overrides; unset variables keep Capillary's schedule. */
function webhookRetryFromEnv(): Pick<WebhookTarget, keyof typeof RETRY_VARIABLES> {
  const schedule: Pick<WebhookTarget, keyof typeof RETRY_VARIABLES> = {};
  for (const [field, name] of Object.entries(RETRY_VARIABLES) as [keyof typeof RETRY_VARIABLES, string][]) {
    const text = process.env[name];
    if (text === undefined || text === '') {
      continue;
    }
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < (field === 'maxAttempts' ? 1 : 0)) {
      throw new Error(
        `${name} must be a whole number${field === 'maxAttempts' ? ' of at least 1' : ' of ms'}`,
      );
    }
    schedule[field] = value;
  }
  return schedule;
}

async function main(): Promise<void> {
  const port = Number(process.env['SIM_PORT'] ?? 4010);
  const webhookUrl = process.env['SIM_WEBHOOK_URL'];
  const sim = await startCapillarySim({
    host: process.env['SIM_HOST'] ?? '127.0.0.1',
    port,
    webhook: webhookUrl
      ? {
          url: webhookUrl,
          headerName: process.env['SIM_WEBHOOK_HEADER'] ?? 'x-webhook-token',
          secret: process.env['SIM_WEBHOOK_SECRET'] ?? 'change-me-demo-secret',
          ...webhookRetryFromEnv(),
        }
      : undefined,
  });
  console.log(`Capillary simulator listening on ${sim.url} (demo org, no auth)`);
  console.log(webhookUrl ? `Webhooks go to ${webhookUrl}` : 'Webhooks: none (set SIM_WEBHOOK_URL)');
  console.log('Control endpoints:');
  CONTROL_ENDPOINTS.forEach((e) => {
    console.log(`  ${e.replace(' ', ` ${sim.url}`)}`);
  });
  const shutdown = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
