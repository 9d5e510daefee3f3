import { TOPIC_SUFFIXES, type TopicRole } from '@tiersync/tier-events';

export function resolveTopic(nameOrRole: string, prefix: string): string {
  const role = ROLE_ALIASES.get(nameOrRole.trim().toLowerCase());
  return role ? `${prefix}${TOPIC_SUFFIXES[role]}` : nameOrRole.trim();
}

export function topicRoleNames(): string[] {
  return Object.values(TOPIC_SUFFIXES).map((suffix) => suffix.replace(/\.v\d+$/, ''));
}

const ROLE_ALIASES: ReadonlyMap<string, TopicRole> = new Map(
  (Object.entries(TOPIC_SUFFIXES) as [TopicRole, string][]).flatMap(([role, suffix]) => {
    const bare = suffix.replace(/\.v\d+$/, '');
    const kebab = role.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const aliases = [role.toLowerCase(), kebab, suffix, bare, bare.replace(/\./g, '-')];
    if (role === 'deadLetters') {
      aliases.push('dead-letters');
    }
    return aliases.map((alias) => [alias, role] as const);
  }),
);
