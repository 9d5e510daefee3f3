import { AppProcess } from '@tiersync/app-process';
import { createKafka, ensureTopics, parseBrokers } from '@tiersync/kafka';
import { freePort } from '@tiersync/local-kafka';
import { topicNames } from '@tiersync/tier-events';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { IMAGE_APPS, readImageRecipe, type ImageApp } from './image-recipe';

const ROOT = path.resolve(__dirname, '..', '..', '..');
/** Compilers and build or test tooling: none may reach a runtime image. */
const DEV_ONLY = [
  '@swc-node/register',
  '@swc/core',
  'eslint',
  'jest',
  'nx',
  'typescript',
  'typescript-transform-paths',
];
const apps = Object.keys(IMAGE_APPS) as ImageApp[];
const PREFIX = `image-${randomUUID().slice(0, 8)}.`;

interface Exit {
  readonly code: number | null;
  readonly output: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ code, output });
    });
  });
}

/**
 * The runtime stage's file system without Docker: the build output where the image copies it, and the deps
 * stage's install command run against the generated package.json and lockfile (npm ci reads nothing else).
 */
async function assembleImage(app: ImageApp, into: string): Promise<string> {
  const dist = path.join(ROOT, 'dist', IMAGE_APPS[app]);
  if (!existsSync(path.join(dist, 'package.json'))) {
    throw new Error(`${dist} is missing: \`npx nx build ${app}\` (integration-test depends on it)`);
  }
  const install = readImageRecipe(app)
    .stages.find((stage) => stage.name === 'deps')
    ?.instructions.find((instruction) => instruction.keyword === 'RUN')?.args;
  if (install === undefined) {
    throw new Error(`docker/${app}.Dockerfile has no deps stage that installs`);
  }
  const image = path.join(into, app);
  cpSync(dist, image, { recursive: true });
  // As RUN does: through sh. Offline first: the workspace install has filled npm's cache.
  const installed = await run('sh', ['-c', install], image, {
    ...process.env,
    npm_config_prefer_offline: 'true',
  });
  if (installed.code !== 0) {
    throw new Error(`${install} for ${app} failed:\n${installed.output}`);
  }
  return image;
}

/** The image's ENTRYPOINT (`node <entry>`) as a process, in the assembled file system. */
function fromImage(app: ImageApp, image: string): AppProcess {
  const [node, ...args] = readImageRecipe(app).entrypoint ?? [];
  expect(node).toBe('node');
  return new AppProcess(app, { compiled: { cwd: image, args } });
}

/** Runs the image's HEALTHCHECK command with the environment the container would have. */
function healthcheck(app: ImageApp, image: string, env: Record<string, string>): Promise<Exit> {
  const [node, ...args] = readImageRecipe(app).healthcheck ?? [];
  expect(node).toBe('node');
  return run(process.execPath, args, image, { PATH: process.env['PATH'] ?? '', ...env });
}

function installedPackages(image: string): string[] {
  const modules = path.join(image, 'node_modules');
  return readdirSync(modules).flatMap((entry) =>
    entry.startsWith('@')
      ? readdirSync(path.join(modules, entry)).map((name) => `${entry}/${name}`)
      : [entry],
  );
}

describe('the images, assembled from dist/ without Docker', () => {
  jest.setTimeout(240_000);
  const root = mkdtempSync(path.join(tmpdir(), 'tiersync-images-'));
  const images = new Map<ImageApp, string>();
  const started: AppProcess[] = [];
  const sim = { url: '' };

  beforeAll(async () => {
    // One at a time: four installs side by side starve the brokers on two cores.
    for (const app of apps) {
      images.set(app, await assembleImage(app, root));
    }
    const kafka = createKafka({
      brokers: parseBrokers(process.env['KAFKA_BROKERS'] ?? ''),
      clientId: 'images',
    });
    await ensureTopics(
      kafka,
      Object.values(topicNames(PREFIX)).map((topic) => ({ topic, partitions: 1 })),
    );
    const port = String(await freePort());
    const simApp = fromImage('capillary-sim', image('capillary-sim'));
    started.push(simApp);
    simApp.start({ SIM_PORT: port });
    sim.url = `http://127.0.0.1:${port}`;
    await simApp.untilReady(`${sim.url}/__sim/webhooks`);
  });

  afterAll(async () => {
    await Promise.all(started.map((app) => app.stop('SIGKILL')));
    rmSync(root, { recursive: true, force: true });
  });

  function image(app: ImageApp): string {
    const dir = images.get(app);
    if (dir === undefined) {
      throw new Error(`${app} was not assembled`);
    }
    return dir;
  }

  it.each(apps)('%s: node_modules holds production dependencies only', (app) => {
    const installed = installedPackages(image(app));
    expect(installed.filter((name) => DEV_ONLY.includes(name))).toEqual([]);
  });

  it('capillary-sim: its health check passes', async () => {
    const port = new URL(sim.url).port;
    expect(await healthcheck('capillary-sim', image('capillary-sim'), { SIM_PORT: port })).toMatchObject({
      code: 0,
    });
  });

  it.each([
    [
      'webhook-ingress' as const,
      'INGRESS_PORT',
      (port: string) => ({
        INGRESS_HOST: '127.0.0.1',
        INGRESS_PORT: port,
        WEBHOOK_SECRET: randomUUID(),
      }),
    ],
    [
      'tier-sync' as const,
      'SYNC_HTTP_PORT',
      (port: string) => ({
        CAPILLARY_BASE_URL: sim.url,
        CAPILLARY_USERNAME: 'image-test',
        CAPILLARY_PASSWORD: 'image-test-password',
        SYNC_HTTP_HOST: '127.0.0.1',
        SYNC_HTTP_PORT: port,
      }),
    ],
  ])('%s: starts from the image and passes its health check', async (app, portVariable, envFor) => {
    const port = String(await freePort());
    const env = {
      ...envFor(port),
      KAFKA_BROKERS: process.env['KAFKA_BROKERS'] ?? '',
      KAFKA_TOPIC_PREFIX: PREFIX,
      LOG_LEVEL: 'warn',
    };
    const running = fromImage(app, image(app));
    started.push(running);
    running.start(env);
    await running.untilReady(`http://127.0.0.1:${port}/health/live`);
    expect(await healthcheck(app, image(app), { [portVariable]: port })).toMatchObject({ code: 0 });
  });

  it('ops-cli: the image with its default arguments prints the CLI help', async () => {
    const { entrypoint = [], cmd = [] } = readImageRecipe('ops-cli');
    const [, ...args] = [...entrypoint, ...cmd];
    const help = await run(process.execPath, args, image('ops-cli'), { PATH: process.env['PATH'] ?? '' });
    expect(help.code).toBe(0);
    for (const command of ['replay', 'dlq', 'reconcile']) {
      expect(help.output).toContain(command);
    }
  });
});
