import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = path.resolve(__dirname, '..', '..');

export interface IngressProcess {
  /** The webhook URL the server logged once listening. */
  readonly url: string;
  /** SIGTERM, then the exit code (0 = graceful). */
  stop(): Promise<number | null>;
}

/** Runs one ingress entry point (main.ts or the no-Kafka baseline) as its own process, like production. */
export async function startIngressProcess(
  entry: string,
  env: Record<string, string>,
): Promise<IngressProcess> {
  const child = spawn(
    process.execPath,
    ['-r', path.join(ROOT, 'tools/runtime/register.js'), path.join(ROOT, entry)],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
  });
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const listening = /"url":"([^"]+)"/.exec(line)?.[1];
        if (listening !== undefined) {
          resolve(listening);
        }
      });
    }
    void exited.then((code) => {
      reject(new Error(`${entry} exited with ${String(code)} before listening:\n${output.join('\n')}`));
    });
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
