import { randomBytes } from 'node:crypto';

/**
 * Never starts with '-', like Kafka's Uuid.randomUuid(): StorageTool would read such an id as an option and
 * refuse to format.
 */
export function kraftClusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
