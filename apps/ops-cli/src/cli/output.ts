/** Where the CLI writes; main.ts passes the process streams, tests capture. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * One result per command on stdout (a JSON document with --json, else text for people); everything else
 * (progress, warnings, errors) goes to stderr, so `--json | jq` always gets clean input.
 */
export class Output {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
    private readonly quiet = false,
  ) {}

  result(data: unknown, human: () => string): void {
    this.io.stdout(this.json ? `${JSON.stringify(data, null, 2)}\n` : ensureNewline(human()));
  }

  /** Progress of long work; silenced by --quiet. */
  progress(message: string): void {
    if (!this.quiet) {
      this.io.stderr(ensureNewline(message));
    }
  }

  warn(message: string): void {
    this.io.stderr(ensureNewline(`warning: ${message}`));
  }
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
