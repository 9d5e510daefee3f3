import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { waitFor } from './wait-for';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * One app run as a child process, exactly as in production (`node -r ./tools/runtime/register.js
 * apps/<app>/src/main.ts`), configured only by its environment. Output is kept for failure messages.
 */
export class AppProcess {
  private child: ChildProcess | undefined;
  private output = '';

  constructor(
    readonly name: 'webhook-ingress' | 'tier-sync',
    private readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(env: Record<string, string>): Promise<void> {
    this.output = '';
    const child = spawn(
      process.execPath,
      ['-r', './tools/runtime/register.js', `apps/${this.name}/src/main.ts`],
      {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '', TZ: 'UTC', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      // The last 20 kB are enough to see why a process failed.
      this.output = (this.output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    await waitFor(`${this.name} ready`, () => this.ready(), {
      timeoutMs: 60_000,
      intervalMs: 200,
      describe: () => this.output.slice(-2000),
    });
  }

  /** SIGTERM: the app drains and exits by itself; SIGKILL: a crash, nothing drained or committed. */
  async stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return;
    }
    const exited = once(child, 'exit');
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  }

  logs(): string {
    return this.output;
  }

  private async ready(): Promise<true | undefined> {
    if (this.child?.exitCode !== null) {
      throw new Error(
        `${this.name} exited with ${String(this.child?.exitCode)}:\n${this.output.slice(-3000)}`,
      );
    }
    try {
      const response = await fetch(`${this.url}/health/ready`);
      return response.ok ? true : undefined;
    } catch {
      // Not listening yet.
      return undefined;
    }
  }
}
