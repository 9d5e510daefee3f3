import { freePort } from '@tiersync/local-kafka';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * apps/tier-sync as operators run it: a child process configured by its environment only, ready when
 * /health/ready answers. ops-cli never imports the app; it only shares topics and messages with it.
 */
export class TierSyncProcess {
  private output = '';

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    const keep = (chunk: Buffer): void => {
      this.output = (this.output + chunk.toString('utf8')).slice(-10_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  static async start(env: Record<string, string>): Promise<TierSyncProcess> {
    const port = await freePort();
    const child = spawn(
      process.execPath,
      ['-r', './tools/runtime/register.js', 'apps/tier-sync/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          TZ: 'UTC',
          ...env,
          SYNC_HTTP_HOST: '127.0.0.1',
          SYNC_HTTP_PORT: String(port),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const app = new TierSyncProcess(child, `http://127.0.0.1:${port}`);
    for (let i = 0; i < 300; i++) {
      if (child.exitCode !== null) {
        throw new Error(`tier-sync exited with ${child.exitCode}:\n${app.output}`);
      }
      if (
        await fetch(`${app.url}/health/ready`)
          .then((r) => r.ok)
          .catch(() => false)
      ) {
        return app;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await app.stop();
    throw new Error(`tier-sync never became ready:\n${app.output}`);
  }

  logs(): string {
    return this.output;
  }

  /** SIGTERM, so the app drains and commits; SIGKILL if it has not exited after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return;
    }
    const exited = once(this.child, 'exit');
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
}
