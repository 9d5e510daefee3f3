/** Versioned: a breaking schema change gets a new topic name. */
export const TOPIC_SUFFIXES = {
  webhookEvents: 'webhook-events.v1',
  webhookRejected: 'webhook-rejected.v1',
  groupCommands: 'group-commands.v1',
  groupCommandsRetry: 'group-commands.retry.v1',
  deadLetters: 'dlq.v1',
  syncResults: 'sync-results.v1',
  syncJournal: 'sync-journal.v1',
  customerRoles: 'customer-roles.v1',
} as const;

export type TopicRole = keyof typeof TOPIC_SUFFIXES;
export type TopicMap = Readonly<Record<TopicRole, string>>;

export const DEFAULT_TOPIC_PREFIX = 'tiersync.';

export function topicNames(prefix: string = DEFAULT_TOPIC_PREFIX): TopicMap {
  const entries = Object.entries(TOPIC_SUFFIXES).map(([role, suffix]) => [role, `${prefix}${suffix}`]);
  return Object.freeze(Object.fromEntries(entries)) as TopicMap;
}
