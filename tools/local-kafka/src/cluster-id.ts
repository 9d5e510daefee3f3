import { randomBytes } from 'node:crypto';

/** Never starts with '-' (as Uuid.randomUuid()): StorageTool would parse it as an option and refuse. */
export function kraftClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
