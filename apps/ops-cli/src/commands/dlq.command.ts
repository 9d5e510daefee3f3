import { type Command } from 'commander';
import { type CliDeps } from '../cli/command-context';
import { registerDlqListCommand } from './dlq-list.command';
import { registerDlqRedriveCommand } from './dlq-redrive.command';
import { registerDlqShowCommand } from './dlq-show.command';

export function registerDlqCommand(program: Command, deps: CliDeps): void {
  const dlq = program
    .command('dlq')
    .description('inspect the dead-letter topic and redrive dead letters to the command topic');
  registerDlqListCommand(dlq, deps);
  registerDlqShowCommand(dlq, deps);
  registerDlqRedriveCommand(dlq, deps);
}
