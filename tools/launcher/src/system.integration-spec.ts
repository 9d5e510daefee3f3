import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import { clientVariables, freePort, readSecureKafkaTestEnv } from '@tiersync/local-kafka';
import { randomUUID } from 'node:crypto';
import { groupRows } from './demo-table';
import { startSystem, type RunningSystem } from './system';

const GROUP = 3918893;
const PRIMARY = 566998132;
const SECONDARY = '567219877 Sam';

async function waitUntil(done: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !done(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!done()) {
    throw new Error(`timed out waiting for ${what}`);
  }
}

/** KAFKA_BROKERS as an operator sets it for npm start: the test run's broker, or the secured one over SASL_SSL. */
const KAFKA = [
  ['PLAINTEXT', () => ({ KAFKA_BROKERS: process.env['KAFKA_BROKERS'] })],
  ['SASL_SSL with SCRAM-SHA-512', () => clientVariables(readSecureKafkaTestEnv(), 'sasl')],
] as const;

/** What `npm start` and `npm run demo` run: the simulator, the ingress and tier-sync as real processes. */
describe.each(KAFKA)(
  'startSystem over %s (real broker, simulator, both apps as processes)',
  (protocol, kafkaEnv) => {
    let system: RunningSystem;
    const lines: string[] = [];

    beforeAll(async () => {
      const [ingress, sync, sim] = await Promise.all([freePort(), freePort(), freePort()]);
      system = await startSystem({
        env: {
          ...kafkaEnv(),
          KAFKA_TOPIC_PREFIX: `launcher-${randomUUID().slice(0, 8)}.`,
          INGRESS_PORT: String(ingress),
          SYNC_HTTP_PORT: String(sync),
          SIM_PORT: String(sim),
          WEBHOOK_PATH: '/hooks/capillary-events',
          LOG_LEVEL: 'warn',
        },
        output: (line) => lines.push(line),
      });
    }, 120_000);

    afterAll(async () => {
      await system.stop();
    });

    it('serves the webhook on the configured path and syncs the demo group end to end', async () => {
      const sim = system.sim;
      if (!sim) {
        throw new Error('expected the embedded simulator (CAPILLARY_BASE_URL unset)');
      }
      expect(system.webhookUrl).toMatch(/\/hooks\/capillary-events$/);
      const secondary = () =>
        groupRows(sim.control.state(), GROUP, DEMO_PROGRAM_ID).find((row) => row.customer === SECONDARY);
      expect(secondary()?.tier).toBe('1 Silver');

      sim.control.activity({ customerId: PRIMARY, programId: DEMO_PROGRAM_ID, tier: 'Platinum' });

      await waitUntil(() => secondary()?.tier === '3 Platinum', 'the secondary to reach Platinum');
      const adjusted = sim.control
        .calls({ endpoint: 'manualSlabAdjustment' })
        .map((call) => JSON.stringify(call));
      expect(adjusted.some((call) => call.includes('567219877'))).toBe(true);
    });

    it('checked the Kafka settings and says which protocol it uses', () => {
      expect(lines).toContainEqual(
        expect.stringMatching(new RegExp(`using Kafka at .* \\(${protocol.split(' ')[0]}\\)$`)),
      );
    });

    it('refuses a webhook without the secret', async () => {
      const response = await fetch(system.webhookUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(401);
    });
  },
);
