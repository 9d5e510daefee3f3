import { AppProcess } from '@tiersync/app-process';
import { DEMO_PROGRAM_ID } from '@tiersync/capillary-sim';
import { groupRows, renderTable } from './demo-table';
import { type RunningSystem, startSystem } from './system';

const GROUP = 3918893;
const PRIMARY = 566998132;
const TARGET = { number: 3, name: 'Platinum' };

// `npm run demo`: starts the system, upgrades the demo primary in the simulator, and shows the group
// before and after the sync. Uses the embedded simulator, so CAPILLARY_BASE_URL must be unset.
async function main(): Promise<void> {
  const quiet = (): void => undefined;
  const system = await startSystem({ env: { ...process.env, CAPILLARY_BASE_URL: '' }, output: quiet });
  try {
    const sim = system.sim;
    if (!sim) {
      throw new Error('the demo needs the embedded simulator');
    }
    console.log(`Group ${GROUP} before (program ${DEMO_PROGRAM_ID}):\n`);
    console.log(renderTable(groupRows(sim.control.state(), GROUP, DEMO_PROGRAM_ID)));
    console.log(
      `\nThe primary ${PRIMARY} reaches ${TARGET.name} through activity; Capillary sends tierUpgraded...`,
    );
    sim.control.activity({ customerId: PRIMARY, programId: DEMO_PROGRAM_ID, tier: TARGET.name });
    const synced = await waitFor(() => {
      const rows = groupRows(sim.control.state(), GROUP, DEMO_PROGRAM_ID);
      return rows.every((r) => r.status !== 'ACTIVE' || r.tier === `${TARGET.number} ${TARGET.name}`);
    }, 60_000);
    console.log(`\nGroup ${GROUP} after${synced ? '' : ' (NOT converged within 60 s)'}:\n`);
    console.log(renderTable(groupRows(sim.control.state(), GROUP, DEMO_PROGRAM_ID)));
    const adjustments = sim.control.calls({ endpoint: 'manualSlabAdjustment' });
    console.log(
      `\n${adjustments.length} manualSlabAdjustment call(s); exited and fraud-flagged members stay as they were.`,
    );
    const doctor = await runDoctor(system);
    console.log(NEXT_STEP);
    process.exitCode = synced && doctor === 0 ? 0 : 1;
  } finally {
    await system.stop();
  }
}

/** The preflight a real org starts with, shown here against the demo's simulator. */
async function runDoctor(system: RunningSystem): Promise<number | null> {
  const args = ['doctor', '--customer', String(PRIMARY)];
  console.log(`\nThe read-only preflight against the simulator: npm run ops -- ${args.join(' ')}\n`);
  const doctor = new AppProcess('ops-cli', {
    args,
    onLine: (line) => {
      console.log(line && `  ${line}`);
    },
  });
  doctor.start({ KAFKA_BROKERS: system.brokers.join(','), ...system.capillaryEnv });
  return doctor.exited();
}

const NEXT_STEP = `
First step on a real org (README.md, "Go live on a real org in five steps"): set CAPILLARY_BASE_URL,
CAPILLARY_AUTH with its credentials and KAFKA_BROKERS, then run the same preflight with a customer who
leads a group there:

  npm run ops -- doctor --customer <customerId>
`;

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
