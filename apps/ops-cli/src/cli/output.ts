export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Only the result goes to stdout, so `--json | jq` always gets clean input. */
export class Output {
  constructor(
    readonly io: CliIo,
    readonly json: boolean,
    private readonly quiet = false,
  ) {}

  result(data: unknown, human: () => string): void {
    this.io.stdout(this.json ? `${JSON.stringify(data, null, 2)}\n` : ensureNewline(human()));
  }

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
