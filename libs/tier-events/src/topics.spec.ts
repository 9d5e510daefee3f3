import { topicNames } from './topics';

describe(topicNames.name, () => {
  it('names every topic under the default prefix', () => {
    expect(topicNames()).toEqual({
      webhookEvents: 'tiersync.webhook-events.v1',
      webhookRejected: 'tiersync.webhook-rejected.v1',
      groupCommands: 'tiersync.group-commands.v1',
      groupCommandsRetry: 'tiersync.group-commands.retry.v1',
      deadLetters: 'tiersync.dlq.v1',
      syncResults: 'tiersync.sync-results.v1',
      syncJournal: 'tiersync.sync-journal.v1',
      customerRoles: 'tiersync.customer-roles.v1',
    });
  });

  it('applies a custom prefix', () => {
    expect(topicNames('acme.prod.').groupCommands).toBe('acme.prod.group-commands.v1');
  });
});
