import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const KAFKA_VERSION = '3.9.1';
export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..');
const POM = path.join(WORKSPACE_ROOT, 'tools', 'local-kafka', 'pom.xml');

export function kafkaLibDir(version = KAFKA_VERSION): string {
  return path.join(WORKSPACE_ROOT, '.cache', `kafka-${version}`, 'lib');
}

const resolving = new Map<string, Promise<string>>();

export function ensureKafkaJars(version = KAFKA_VERSION): Promise<string> {
  let lib = resolving.get(version);
  if (lib === undefined) {
    lib = resolveKafkaJars(version);
    resolving.set(version, lib);
    // A failed resolution (no network yet) may be tried again by the next caller.
    lib.catch(() => resolving.delete(version));
  }
  return lib;
}

/** Renamed into place when complete, so an interrupted download never leaves a half-filled folder. */
async function resolveKafkaJars(version: string): Promise<string> {
  const lib = kafkaLibDir(version);
  if (existsSync(lib) && (await readdir(lib)).some((f) => f.startsWith('kafka_2.13-'))) {
    return lib;
  }
  const scratch = `${lib}.partial-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(path.dirname(lib), { recursive: true });
  try {
    await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        POM,
        `-Dkafka.version=${version}`,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${scratch}`,
        '-DincludeScope=runtime',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    await rm(scratch, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`Could not resolve the Kafka ${version} jars with Maven (is mvn on PATH?): ${detail}`);
  }
  if (existsSync(lib)) {
    // Another process finished first; keep its copy.
    await rm(scratch, { recursive: true, force: true });
  } else {
    await rename(scratch, lib);
  }
  return lib;
}
