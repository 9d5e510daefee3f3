import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const REGISTER = path.join(ROOT, 'tools', 'runtime', 'register.js');

export interface AppProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Runs one tiersync app (e.g. `apps/tier-sync`) as its own process, as in production, with its output
 * prefixed by its name. The launcher never imports apps: they only meet through Kafka and HTTP.
 */
export function startApp(
  name: string,
  appDir: string,
  env: Record<string, string>,
  output: (line: string) => void = (line) => {
    console.log(line);
  },
): AppProcess {
  const child = spawn(process.execPath, ['-r', REGISTER, path.join(ROOT, appDir, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      output(`[${name}] ${line}`);
    });
  }
  return { name, child, stop: () => stopChild(child) };
}

async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  // An app that does not drain in time is killed: Ctrl-C must leave no process behind.
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Polls an HTTP readiness endpoint until it answers 200, the process exits, or the deadline passes. */
export async function waitUntilReady(app: AppProcess, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (app.child.exitCode !== null) {
      throw new Error(`${app.name} exited with code ${app.child.exitCode} before it was ready`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        return;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${app.name} was not ready at ${url} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
