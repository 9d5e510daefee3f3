import { type Command } from 'commander';
import { type CliDeps } from '../cli/command-context';
import { registerRejectedListCommand } from './rejected-list.command';
import { registerRejectedRedriveCommand } from './rejected-redrive.command';
import { registerRejectedShowCommand } from './rejected-show.command';

export function registerRejectedCommand(program: Command, deps: CliDeps): void {
  const rejected = program
    .command('rejected')
    .description(
      'inspect webhooks the ingress refused or tier-sync could not read, and send them back once they parse',
    );
  registerRejectedListCommand(rejected, deps);
  registerRejectedShowCommand(rejected, deps);
  registerRejectedRedriveCommand(rejected, deps);
}
