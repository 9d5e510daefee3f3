import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import { startSystem } from './system';

/** The demo group's primary: raising their tier should carry every active secondary along. */
const DEMO_PRIMARY = 566998132;

// `npm start`: the whole system on an embedded default, until Ctrl-C.
async function main(): Promise<void> {
  const system = await startSystem();
  let stopping = false;
  const shutdown = (): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log('\n[launcher] stopping...');
    system.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  console.log('');
  console.log('tiersync is running.');
  console.log(`  Webhooks:   POST ${system.webhookUrl}`);
  console.log(`  Auth:       ${system.authHeader}: ${system.secret}`);
  console.log(`  Kafka:      ${system.brokers.join(',')}`);
  console.log(`  Capillary:  ${system.capillaryUrl}`);
  console.log(`  Sync app:   ${system.syncUrl}/metrics`);
  if (system.sim) {
    const activity = JSON.stringify({
      customerId: DEMO_PRIMARY,
      programId: DEMO_PROGRAM_ID,
      tier: 'Platinum',
    });
    console.log('');
    console.log('Upgrade the demo primary in the simulator (its group follows):');
    console.log(
      `  curl -s -X POST ${system.sim.url}/__sim/activity -H 'content-type: application/json' -d '${activity}'`,
    );
    console.log('Then see every member:');
    console.log(`  curl -s ${system.sim.url}/__sim/state`);
  }
  console.log('\nCtrl-C stops everything.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
