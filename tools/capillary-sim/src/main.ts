import { startCapillarySim } from './capillary-sim';
import { CONTROL_ENDPOINTS } from './control-handler';

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
