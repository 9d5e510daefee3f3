import { spawn, type ChildProcessByStdio } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REGISTER = path.join(ROOT, 'tools', 'runtime', 'register.js');
const KEPT_LINES = 500;
const LISTENING_URL = /"url":"([^"]+)"/;

export interface AppProcessOptions {
  readonly entry?: string;
  /** Command-line arguments after the entry, for a one-shot command such as `ops doctor`. */
  readonly args?: readonly string[];
  /** How long SIGTERM may take before SIGKILL: Ctrl-C and test teardown must leave no process behind. */
  readonly graceMs?: number;
  readonly onLine?: (line: string) => void;
  readonly compiled?: { readonly cwd: string; readonly args: readonly string[] };
  /** Node's own flags, e.g. `--prof` for a bench's CPU profile (NODE_OPTIONS refuses it). */
  readonly nodeArgs?: readonly string[];
}

/** Configured only by its environment, as in production: launcher, tests and benches never import an app. */
export class AppProcess {
  private child: ChildProcessByStdio<null, Readable, Readable> | undefined;
  private exit: Promise<number | null> = Promise.resolve(null);
  private lines: string[] = [];

  constructor(
    readonly name: string,
    private readonly options: AppProcessOptions = {},
  ) {}

  start(env: Record<string, string>): void {
    if (this.running) {
      throw new Error(`${this.name} is already running`);
    }
    this.lines = [];
    const entry = this.options.entry ?? `apps/${this.name}/src/main.ts`;
    const { cwd, args } = this.options.compiled ?? {
      cwd: ROOT,
      args: ['-r', REGISTER, path.join(ROOT, entry), ...(this.options.args ?? [])],
    };
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), ...args], {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // 'close', not 'exit': by then every output line has been read.
    this.exit = new Promise((resolve) => {
      child.once('close', resolve);
    });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        this.lines.push(line);
        if (this.lines.length > KEPT_LINES) {
          this.lines.shift();
        }
        this.options.onLine?.(line);
      });
    }
  }

  async untilReady(url: string, timeoutMs = 60_000): Promise<void> {
    await this.until(`${this.name} ready at ${url}`, timeoutMs, async () => {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
      return response?.ok === true ? true : undefined;
    });
  }

  listeningUrl(timeoutMs = 60_000): Promise<string> {
    return this.until(`${this.name} listening`, timeoutMs, () =>
      Promise.resolve(this.lines.map((line) => LISTENING_URL.exec(line)?.[1]).find(Boolean)),
    );
  }

  exited(): Promise<number | null> {
    return this.exit;
  }

  logs(): string {
    return this.lines.join('\n');
  }

  /** SIGKILL stands for a crash: nothing drained or committed. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || !this.running) {
      return this.exit;
    }
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), this.options.graceMs ?? 15_000);
    const code = await this.exit;
    clearTimeout(timer);
    return code;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  private async until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
      if (!this.running) {
        throw new Error(`${this.name} exited with ${String(this.child?.exitCode)}:\n${this.logs()}`);
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`timed out waiting for ${what}:\n${this.logs()}`);
      }
      await sleep(200);
    }
  }
}
