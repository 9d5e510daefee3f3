import { resolveTopic, topicRoleNames } from './topic-resolver';

describe(resolveTopic.name, () => {
  it.each([
    ['webhook-events', 'p.webhook-events.v1'],
    ['webhookEvents', 'p.webhook-events.v1'],
    ['group-commands', 'p.group-commands.v1'],
    ['group-commands.v1', 'p.group-commands.v1'],
    ['group-commands.retry', 'p.group-commands.retry.v1'],
    ['group-commands-retry', 'p.group-commands.retry.v1'],
    ['dlq', 'p.dlq.v1'],
    ['dead-letters', 'p.dlq.v1'],
    ['sync-results', 'p.sync-results.v1'],
    [' Webhook-Events ', 'p.webhook-events.v1'],
  ])('maps the role %s under the prefix', (role, topic) => {
    expect(resolveTopic(role, 'p.')).toBe(topic);
  });

  it('takes anything else as a full topic name', () => {
    expect(resolveTopic('acme.webhook-events.v1', 'p.')).toBe('acme.webhook-events.v1');
    expect(resolveTopic('my-test-topic', 'p.')).toBe('my-test-topic');
  });

  it('lists the role names for --help', () => {
    expect(topicRoleNames()).toContain('group-commands.retry');
  });
});
