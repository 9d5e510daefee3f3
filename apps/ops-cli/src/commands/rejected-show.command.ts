import { type Command } from 'commander';
import { commandContext, type CliDeps } from '../cli/command-context';
import { RejectedCatalog } from '../rejected/rejected.catalog';

export function registerRejectedShowCommand(rejected: Command, deps: CliDeps): void {
  rejected
    .command('show')
    .description('print one rejected or quarantined webhook: its raw body, reason and headers')
    .argument('<id>', 'topic:partition:offset (see rejected list)')
    .action(async (id: string, _flags: unknown, command: Command) => {
      const ctx = commandContext(command, deps);
      const view = await new RejectedCatalog(ctx.kafka(), ctx.config.kafka, ctx.output).load({ ids: [id] });
      const entry = view.entries[0];
      if (!entry) {
        throw new Error(`${id} not found in ${view.topics.join(' or ')} (${view.scanned} records read)`);
      }
      const { event: e, redrive } = entry;
      const { body, ...rest } = e;
      // The body as text when it is UTF-8, and always as base64: a refused body may be neither JSON nor text.
      const text = new TextDecoder('utf-8', { fatal: false }).decode(body);
      ctx.output.result({ ...rest, body: text, bodyBase64: body.toString('base64'), redrive }, () =>
        [
          `${e.origin === 'rejected' ? 'Rejected by the ingress' : 'Quarantined by tier-sync'}: ${e.id}`,
          `Received at ${new Date(e.receivedAt).toISOString()}, event ${e.eventName ?? '-'} ${e.eventId ?? '-'}`,
          `Reason: ${e.reason}`,
          ...e.violations.map((v) => `  ${v.path}: ${v.message}`),
          redrive
            ? `Redriven at ${new Date(redrive.redrivenAt).toISOString()} to ${redrive.eventTopic} partition ${redrive.partition} offset ${redrive.offset}`
            : 'Not redriven.',
          '',
          text,
        ].join('\n'),
      );
    });
}
