import { execFile, spawn, type ChildProcess, type ChildProcessByStdio } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { kraftClusterId } from './cluster-id';
import { freePort } from './free-port';
import { ensureKafkaJars, KAFKA_VERSION } from './kafka-jars';
import { type SecureKafkaAccess } from './secure-access';
import { prepareSecureBroker } from './secure-broker';
import { serverProperties } from './server-properties';
import { waitForBroker } from './wait-for-broker';

const run = promisify(execFile);

export interface LocalKafkaOptions {
  version?: string;
  partitions?: number;
  heap?: string;
  startTimeoutMs?: number;
  secure?: boolean;
}

export interface LocalKafka {
  brokers: string[];
  startupMs: number;
  secure?: SecureKafkaAccess;
  /** Keeps ports and data, as an outage would, so clients see the broker come back at the same address. */
  stopBroker(options?: { kill?: boolean }): Promise<void>;
  startBroker(): Promise<void>;
  stop(): Promise<void>;
}

const JVM_FLAGS = ['-Xms64m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];
const BIND_ATTEMPTS = 3;

/** A bash watchdog kills the JVM when this process goes away, so a crashed run leaves no broker behind. */
export async function startLocalKafka(options: LocalKafkaOptions = {}): Promise<LocalKafka> {
  const started = Date.now();
  const lib = await ensureKafkaJars(options.version ?? KAFKA_VERSION);
  let lastError: unknown;
  for (let attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
    try {
      return await startOnce(lib, options, started);
    } catch (error) {
      lastError = error;
      // Only a lost port race is worth another try; anything else is reported as it is.
      if (!(error instanceof Error && /BindException|Address already in use/.test(error.message))) {
        throw error;
      }
    }
  }
  throw lastError;
}

async function startOnce(lib: string, options: LocalKafkaOptions, started: number): Promise<LocalKafka> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tiersync-kafka-'));
  const [port, controllerPort] = [await freePort(), await freePort()];
  const secure = options.secure ? await prepareSecureBroker(dir) : undefined;
  const config = path.join(dir, 'server.properties');
  await writeFile(
    config,
    serverProperties({
      port,
      controllerPort,
      dataDir: path.join(dir, 'data'),
      partitions: options.partitions ?? 1,
      ...(secure && { secure: secure.listeners }),
    }),
    { mode: 0o600 },
  );
  const classpath = `${lib}/*`;
  const heap = `-Xmx${options.heap ?? '256m'}`;
  const clusterId = kraftClusterId();
  await run('java', [
    heap,
    ...JVM_FLAGS,
    '-cp',
    classpath,
    'kafka.tools.StorageTool',
    'format',
    '-t',
    clusterId,
    '-c',
    config,
    ...(secure?.formatArgs ?? []),
  ]);

  const logFile = path.join(dir, 'broker.log');
  const javaArgs = [
    heap,
    ...JVM_FLAGS,
    '-Dorg.slf4j.simpleLogger.defaultLogLevel=warn',
    '-cp',
    classpath,
    'kafka.Kafka',
    config,
  ];
  const brokers = [`127.0.0.1:${port}`];
  const timeoutMs = options.startTimeoutMs ?? 60_000;
  let child: ChildProcess | undefined;
  const startBroker = async (): Promise<void> => {
    if (child !== undefined) {
      throw new Error('the local Kafka broker is already running');
    }
    const started = spawnWatched(javaArgs, logFile);
    child = started;
    try {
      await waitForBroker(brokers, started, timeoutMs);
    } catch (error) {
      const log = await readFile(logFile, 'utf8').catch(() => '');
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`${reason}\n--- broker log (tail) ---\n${log.slice(-4000)}`);
    }
  };
  const stopBroker = async (stopOptions: { kill?: boolean } = {}): Promise<void> => {
    const running = child;
    child = undefined;
    if (running !== undefined) {
      await terminate(running, stopOptions.kill === true);
    }
  };
  const stop = once(async () => {
    await stopBroker();
    await rm(dir, { recursive: true, force: true });
  });
  try {
    await startBroker();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    brokers,
    startupMs: Date.now() - started,
    ...(secure && { secure: secure.access }),
    stopBroker,
    startBroker,
    stop,
  };
}

function spawnWatched(javaArgs: string[], logFile: string): ChildProcessByStdio<null, Readable, Readable> {
  // $1 = our pid; the loop ends the JVM once we are gone or asked to stop.
  const watchdog = [
    'java "${@:2}" & jvm=$!',
    "trap 'kill -TERM $jvm 2>/dev/null; wait $jvm; exit 0' TERM INT",
    'while kill -0 "$1" 2>/dev/null && kill -0 $jvm 2>/dev/null; do sleep 1; done',
    'kill -TERM $jvm 2>/dev/null; wait $jvm',
  ].join('\n');
  const log = createWriteStream(logFile, { flags: 'a' });
  const child = spawn('bash', ['-c', watchdog, 'local-kafka', String(process.pid), ...javaArgs], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return child;
}

async function terminate(child: ChildProcess, kill: boolean): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    return;
  }
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const killGroup = (): void => {
    if (child.pid !== undefined) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };
  if (kill) {
    killGroup();
  } else {
    child.kill('SIGTERM');
  }
  const timer = setTimeout(killGroup, 15_000);
  await exited;
  clearTimeout(timer);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
