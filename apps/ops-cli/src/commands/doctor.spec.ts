import {
  DEMO_PROGRAM_ID,
  FAMILY1,
  FAMILY2,
  startCapillarySim,
  type CapillarySim,
  type SimBehaviour,
} from '@tiersync/capillary-sim';
import { jsonOf, runOps } from '../../test/ops-test-env';
import { ExitCode } from '../cli/exit-code';
import { type DoctorReport } from '../doctor/doctor.report';

/** The simulator's demo Family1: primary Pia, Sam, Eli (exited), Max, Fay; Ann leads Family2. */
const { groupId: GROUP, primary: PIA, sam: SAM, eli: ELI, max: MAX, fay: FAY } = FAMILY1;
const ANN = FAMILY2.primary;

const AUTHS = [
  {
    name: 'basic',
    sim: { username: 'till', password: 'secret' },
    env: { CAPILLARY_USERNAME: 'till', CAPILLARY_PASSWORD: 'secret' },
    wrong: { CAPILLARY_PASSWORD: 'wrong' },
    refusal: /^credentials: basic auth .* refused: GET \/v2\/organization\/programs failed: 401/,
  },
  {
    name: 'oauth',
    sim: { oauthKey: 'key', oauthSecret: 'secret' },
    env: { CAPILLARY_AUTH: 'oauth', CAPILLARY_OAUTH_KEY: 'key', CAPILLARY_OAUTH_SECRET: 'secret' },
    wrong: { CAPILLARY_OAUTH_SECRET: 'wrong' },
    refusal: /^credentials: oauth .* refused: POST \/v3\/oauth\/token\/generate failed: 401/,
  },
] as const;

describe.each(AUTHS)('ops doctor against the simulator, $name auth', (auth) => {
  let sim: CapillarySim;

  beforeAll(async () => {
    sim = await startCapillarySim({ auth: auth.sim });
  });
  beforeEach(() => {
    sim.control.reset();
  });
  afterAll(() => sim.stop());

  async function doctor(args: string[], env: Record<string, string> = {}) {
    // No KAFKA_BROKERS: doctor never connects to Kafka.
    const run = await runOps(['--json', 'doctor', ...args], {
      CAPILLARY_BASE_URL: sim.url,
      CAPILLARY_RATE_LIMIT_PER_MINUTE: '6000',
      ...auth.env,
      ...env,
    });
    return { run, report: jsonOf(run) as DoctorReport };
  }
  const failures = (report: DoctorReport) =>
    report.checks.filter((c) => c.verdict === 'fail').map((c) => `${c.step}: ${c.message}`);
  const warnings = (report: DoctorReport) =>
    report.checks.filter((c) => c.verdict === 'warn').map((c) => `${c.step}: ${c.message}`);
  const roles = (report: DoctorReport) =>
    Object.fromEntries((report.reading ?? []).map((m) => [m.customerId, m.tierSync]));
  const FAMILY1 = {
    [PIA]: 'primary',
    [SAM]: 'synced',
    [ELI]: 'skipped: exited the group',
    [MAX]: 'synced',
    [FAY]: 'synced',
  };

  afterEach(() => {
    // Read only: the token call is the one POST a doctor may make.
    const writes = sim.control.calls().filter((c) => c.method !== 'GET' && c.endpoint !== 'oauthToken');
    expect(writes).toEqual([]);
  });

  it('reads a syncable org: exit 0, the group as sent and as tier-sync reads it, every request counted', async () => {
    const { run, report } = await doctor(['--customer', String(PIA)]);

    expect(failures(report)).toEqual([]);
    expect(run.code).toBe(ExitCode.ok);
    expect(report).toMatchObject({ verdict: 'ok', groupId: GROUP, auth: auth.name });
    expect(report.groupRows).toHaveLength(5);
    expect(report.membersList).toBeUndefined();
    expect(roles(report)).toEqual(FAMILY1);
    expect(report.reading?.find((m) => m.customerId === PIA)?.tiers[DEMO_PROGRAM_ID]).toBe('Gold (2)');
    expect(report.checks.find((c) => c.step === 'credentials')?.message).toContain(
      auth.name === 'oauth' ? 'POST /v3/oauth/token/generate issued a token' : 'basic auth',
    );
    expect(report.quota.requests).toBe(sim.control.calls().length);
    expect(report.quota.throttled).toBe(0);
  });

  it('prints the same verdict for people: one line per check and the tables', async () => {
    const run = await runOps(['doctor', '--customer', String(PIA), '--program', String(DEMO_PROGRAM_ID)], {
      KAFKA_BROKERS: '127.0.0.1:1',
      CAPILLARY_BASE_URL: sim.url,
      CAPILLARY_RATE_LIMIT_PER_MINUTE: '0',
      ...auth.env,
    });
    expect(run.code).toBe(ExitCode.ok);
    expect(run.stdout).toContain(`ok    group        GET /v2/userGroup2?id=${GROUP} agrees`);
    expect(run.stdout).toContain('fleetGroupUsers as sent');
    expect(run.stdout).toMatch(new RegExp(`${SAM} +false +true +synced +Silver \\(1\\)`));
    expect(run.stdout).toContain('warn  quota        ');
    expect(run.stdout).toContain('CAPILLARY_RATE_LIMIT_PER_MINUTE=0');
    expect(run.stdout).toContain('verdict: warn');
  });

  const readable: [string, Partial<SimBehaviour>][] = [
    ['membersInActive true-is-inactive (full rows)', { membersInActive: 'true-is-inactive' }],
    ['membersExited omitted', { membersExited: 'omitted' }],
    [
      'membersInActive true-is-inactive, exited omitted',
      { membersInActive: 'true-is-inactive', membersExited: 'omitted' },
    ],
  ];
  it.each(readable)(
    '%s: syncable from the group rows, the members list unread (exit 0)',
    async (_, behaviour) => {
      sim.control.setBehaviour(behaviour);
      const { run, report } = await doctor(['--customer', String(PIA), '--group', String(GROUP)]);

      expect(run.code).toBe(ExitCode.ok);
      expect(roles(report)).toEqual(FAMILY1);
      expect(sim.control.calls({ endpoint: 'userGroup2Members' })).toEqual([]);
    },
  );

  it.each(['listed', 'omitted'] as const)(
    'groupRowsLimit 2, inActive true-is-active, exited %s: completed from the members list, a warning (exit 0)',
    async (membersExited) => {
      sim.control.setBehaviour({ groupRowsLimit: 2, membersExited });
      const { run, report } = await doctor(['--customer', String(PIA)]);

      expect(run.code).toBe(ExitCode.ok);
      expect(report.verdict).toBe('warn');
      expect(warnings(report)).toEqual([
        expect.stringContaining('tier-sync completes them from GET /v2/userGroup2/members'),
      ]);
      expect(report.groupRows).toHaveLength(2);
      expect(report.membersList?.length).toBe(membersExited === 'listed' ? 5 : 4);
      expect(roles(report)).toMatchObject({
        [PIA]: 'primary',
        [SAM]: 'synced',
        [MAX]: 'synced',
        [FAY]: 'synced',
      });
    },
  );

  it('groupRowsLimit 2, membersMaxPageSize 2: the members list read page by page, a warning (exit 0)', async () => {
    sim.control.setBehaviour({ groupRowsLimit: 2, membersMaxPageSize: 2 });
    const { run, report } = await doctor(['--customer', String(PIA)]);

    expect(run.code).toBe(ExitCode.ok);
    expect(report.membersList?.map((m) => m.customerId).sort()).toEqual([ELI, PIA, SAM, MAX, FAY].sort());
    expect(sim.control.calls({ endpoint: 'userGroup2Members' }).length).toBeGreaterThan(1);
    expect(roles(report)).toEqual(FAMILY1);
  });

  it.each(['listed', 'omitted'] as const)(
    'groupRowsLimit 2, inActive true-is-inactive, exited %s: FAIL naming the reading (exit 4)',
    async (membersExited) => {
      sim.control.setBehaviour({ groupRowsLimit: 2, membersInActive: 'true-is-inactive', membersExited });
      const { run, report } = await doctor(['--customer', String(PIA)]);

      expect(run.code).toBe(ExitCode.preflightFailed);
      expect(failures(report)).toEqual([
        expect.stringMatching(
          /^members: group 3918893 \(ACTIVE\): .*GET \/v2\/userGroup2\/members contradicts it when inActive is read as true = active/,
        ),
      ]);
      expect(report.membersList).not.toEqual([]);
      expect(report.reading).toBeUndefined();
    },
  );

  it.each([
    ['rejected-1619', 'HTTP 400, code 1619'],
    ['rejected-403', 'HTTP 403, code 9999'],
  ] as const)(
    'primaryUserIdLookup %s: found through the group search, a warning (exit 0)',
    async (mode, answer) => {
      sim.control.setBehaviour({ primaryUserIdLookup: mode });
      const { run, report } = await doctor(['--customer', String(PIA)]);

      expect(run.code).toBe(ExitCode.ok);
      expect(warnings(report)).toEqual([expect.stringContaining(`was refused (${answer})`)]);
      expect(report.groupId).toBe(GROUP);
      expect(roles(report)).toEqual(FAMILY1);
    },
  );

  it('primaryUserIdLookup rejected-1632: FAIL without --group, and the contradiction with it (exit 4)', async () => {
    sim.control.setBehaviour({ primaryUserIdLookup: 'rejected-1632' });
    const alone = await doctor(['--customer', String(PIA)]);
    expect(alone.run.code).toBe(ExitCode.preflightFailed);
    expect(failures(alone.report)).toEqual([
      expect.stringContaining('give --group <id> to tell the two apart'),
    ]);

    const { run, report } = await doctor(['--customer', String(PIA), '--group', String(GROUP)]);
    expect(run.code).toBe(ExitCode.preflightFailed);
    expect(failures(report)).toEqual([
      expect.stringContaining(
        `GET /v2/userGroup2?primaryUserId=${PIA} finds no group (1632) but GET /v2/userGroup2?id=${GROUP} shows customer ${PIA} as its active primary`,
      ),
    ]);
    expect(failures(report)[0]).toContain('(CAPILLARY_GROUP_LOOKUP=search for tier-sync) finds it');
    // The rows are still shown, so the operator sees what the server says.
    expect(roles(report)).toEqual(FAMILY1);
  });

  it('FAILs when --group names another group than the lookup finds, or the customer leads none', async () => {
    const other = await doctor(['--customer', String(PIA), '--group', '3918894']);
    expect(other.run.code).toBe(ExitCode.preflightFailed);
    expect(failures(other.report)[0]).toContain(
      `finds group ${GROUP} for customer ${PIA}, --group names 3918894`,
    );

    const secondary = await doctor(['--customer', String(SAM), '--group', String(GROUP)]);
    expect(failures(secondary.report)).toContain(
      `group: GET /v2/userGroup2?id=${GROUP} does not show customer ${SAM} as its active primary (its active primary is ${PIA}): tier-sync ignores their tier events`,
    );
  });

  it('FAILs on refused credentials and runs nothing else (exit 4)', async () => {
    const { run, report } = await doctor(['--customer', String(PIA)], auth.wrong);

    expect(run.code).toBe(ExitCode.preflightFailed);
    expect(failures(report)).toEqual([expect.stringMatching(auth.refusal)]);
    expect(report.groupRows).toBeUndefined();
    expect(sim.control.calls().filter((c) => c.endpoint === 'userGroup2')).toEqual([]);
  });

  it('reports the 429s and their Retry-After in the quota step', async () => {
    sim.control.setFaults({ endpoints: { tiers: { rate429: 1, retryAfter: '0' } } });
    const { run, report } = await doctor(['--customer', String(ANN), '--program', String(DEMO_PROGRAM_ID)]);

    expect(run.code).toBe(ExitCode.preflightFailed);
    expect(report.quota).toMatchObject({ throttled: 1, retryAfterMs: [0], rateLimitPerMinute: 6000 });
    expect(warnings(report)).toEqual([expect.stringContaining('1 answered 429 (Retry-After: 0 s)')]);
    expect(failures(report)).toEqual([expect.stringMatching(/^programs: program \d+ .*GET \/v3\/tiers: /)]);
  });
});
