import { randomBytes } from 'node:crypto';

/**
 * A KRaft cluster id in Kafka's Uuid format: 16 random bytes, base64url without padding. Like Kafka's own
 * `Uuid.randomUuid()`, it never starts with '-': StorageTool's argument parser would read such an id as an
 * option and refuse to format the data dir (about one start in 64 failed that way).
 */
export function kraftClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
