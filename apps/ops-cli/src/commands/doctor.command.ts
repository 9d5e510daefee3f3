import { CapillaryClient } from '@tiersync/capillary-client';
import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { parseIdList } from '../cli/id-list.parser';
import { PreflightFailedError } from '../cli/preflight-failed.error';
import { UsageError } from '../cli/usage.error';
import { requireCapillary } from '../config/ops.config';
import { describeDoctor } from '../doctor/doctor.describe';
import { runDoctor } from '../doctor/doctor.runner';
import { RequestLog } from '../doctor/request-log';

interface DoctorFlags {
  customer: string;
  group?: string;
  program?: string;
  capillaryUrl?: string;
}

export function registerDoctorCommand(program: Command, deps: CliDeps): void {
  program
    .command('doctor')
    .description(
      'read-only preflight against a Capillary org: credentials, programs, a group as tier-sync reads it',
    )
    .requiredOption('--customer <id>', 'a customer who leads a group (its primary member)')
    .option('--group <id>', 'the group you expect them to lead, read by id as well')
    .option('--program <id>', 'only this loyalty program (default: every program of the org)')
    .option('--capillary-url <url>', 'Capillary base URL (env CAPILLARY_BASE_URL)')
    .addHelpText('after', HELP)
    .action(async (flags: DoctorFlags, command: Command) => {
      const ctx = commandContext(command, deps, { CAPILLARY_BASE_URL: flags.capillaryUrl });
      const capillary = requireCapillary(ctx.config);
      const options = {
        customerId: oneId(flags.customer, '--customer'),
        groupId: flags.group === undefined ? undefined : oneId(flags.group, '--group'),
        programId: flags.program === undefined ? undefined : oneId(flags.program, '--program'),
        auth: capillary.auth.kind,
        rateLimitPerMinute: capillary.rateLimitPerMinute,
      };
      const log = new RequestLog();
      const client = new CapillaryClient(capillary);
      client.observeRequests(log.record);
      const searchLookup = async (customerId: number) => {
        const search = new CapillaryClient({ ...capillary, groupLookup: 'search' });
        search.observeRequests(log.record);
        try {
          return await search.findGroupLedBy(customerId);
        } finally {
          search.close();
        }
      };
      const report = await runDoctor(options, { client, searchLookup, log }).finally(() => {
        client.close();
      });
      ctx.output.result(report, () => describeDoctor(report));
      if (report.verdict === 'fail') {
        const failed = report.checks.filter((c) => c.verdict === 'fail').map((c) => c.step);
        throw new PreflightFailedError(`doctor: failed ${[...new Set(failed)].join(', ')} (see the report)`);
      }
    });
}

function oneId(value: string, flag: string): number {
  const ids = parseIdList(value, flag);
  if (ids.length !== 1 || ids[0] === undefined) {
    throw new UsageError(`${flag} takes one id`);
  }
  return ids[0];
}

const HELP = `
Never writes. Five steps, each line ok / warn / FAIL with the reason: the credentials (CAPILLARY_AUTH basic
or oauth: one authenticated read, after the token call for oauth); the org's programs and their tiers
(GET /v2/organization/programs, GET /v3/tiers); the customer's group located by primaryUserId as tier-sync's
router does and read by id; its members as sent and as tier-sync reads them (primary, active, tier per
program); the requests made and the 429s seen. Exit 0 when tier-sync can read the org (warnings allowed),
4 on any FAIL: a contradiction between two answers, or a reading tier-sync refuses.

Examples:
  ops doctor --customer 566998132
  ops doctor --customer 566998132 --group 3918893 --program 973 --json
`;
