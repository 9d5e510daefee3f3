import { simCall } from '../test/sim-http';
import { HEADER, PRIMARY, SECONDARY, SECRET, useWebhookSim } from '../test/webhook-harness';
import { WebhookDispatcher } from './webhook-dispatcher';

describe(WebhookDispatcher.name, () => {
  const h = useWebhookSim();
  const { receiver } = h;
  describe('delivery', () => {
    it('retries 429 and 5xx with backoff until delivered', async () => {
      receiver.script = [503, 429, 500];

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      expect(h.sim.control.webhookDeliveries().map((d) => [d.attempt, d.status, d.outcome])).toEqual([
        [1, 503, 'retrying'],
        [2, 429, 'retrying'],
        [3, 500, 'retrying'],
        [4, 202, 'delivered'],
      ]);
      expect(new Set(receiver.received.map((r) => r.body.eventId)).size).toBe(1);
    });

    it('holds later events back while one is retried (one connection), not with more connections', async () => {
      receiver.script = [500, 500];

      h.activity(PRIMARY, 'Platinum');
      h.activity(SECONDARY, 'Gold');
      await h.sim.control.webhooksIdle();

      expect(receiver.received.map((r) => r.body.eventName)).toEqual([
        'tierUpgraded',
        'tierUpgraded',
        'tierUpgraded',
        'tierUpgraded',
      ]);
      expect(receiver.received.map((r) => r.body.data['upgradedTierNumber'])).toEqual([3, 3, 3, 2]);

      receiver.clear();
      let failed = false;
      // The primary's event fails once; with two connections the other event overtakes its retry.
      receiver.respond = (body) =>
        body.eventName === 'tierDowngraded' && !failed ? ((failed = true), 500) : 202;
      h.sim.control.setWebhook({
        url: h.url,
        headerName: HEADER,
        secret: SECRET,
        backoffMs: 50,
        maxConnections: 2,
      });
      h.activity(PRIMARY, 'Silver');
      h.activity(SECONDARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      const names = receiver.names();
      expect(names.filter((n) => n === 'tierDowngraded')).toHaveLength(2);
      expect(names.indexOf('tierUpgraded')).toBeLessThan(names.lastIndexOf('tierDowngraded'));
    });

    it('drops an event answered 400 for good, like Capillary', async () => {
      receiver.script = [400];

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      expect(h.sim.control.webhookDeliveries()).toEqual([
        expect.objectContaining({ attempt: 1, status: 400, outcome: 'dropped' }),
      ]);
    });

    it('retries network errors and gives up after maxAttempts', async () => {
      h.sim.control.setWebhook({
        url: 'http://127.0.0.1:1/nowhere',
        headerName: HEADER,
        secret: SECRET,
        backoffMs: 1,
        maxAttempts: 3,
      });

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      expect(h.sim.control.webhookDeliveries().map((d) => d.outcome)).toEqual([
        'retrying',
        'retrying',
        'gave-up',
      ]);
      expect(h.sim.control.webhookDeliveries()[0]?.error).toEqual(expect.any(String));
    });

    it('waits as long as a 429 asks with Retry-After, beyond its own backoff', async () => {
      receiver.script = [429];
      receiver.failureHeaders = { 'retry-after': '1' };

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      expect(
        h.sim.control
          .webhookDeliveries()
          .map((d) => [d.attempt, d.status, d.retryAfter, d.retryInMs, d.outcome]),
      ).toEqual([
        [1, 429, '1', 1_000, 'retrying'],
        [2, 202, undefined, undefined, 'delivered'],
      ]);
    });

    it('gives an event up once its next attempt would start past maxElapsedMs, and moves on', async () => {
      h.sim.control.setWebhook({
        url: 'http://127.0.0.1:1/nowhere',
        headerName: HEADER,
        secret: SECRET,
        backoffMs: 100,
        maxElapsedMs: 250,
      });

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      // 100 ms after the first attempt, then 200 ms more would end past 250 ms.
      expect(h.sim.control.webhookDeliveries().map((d) => [d.attempt, d.retryInMs, d.outcome])).toEqual([
        [1, 100, 'retrying'],
        [2, undefined, 'gave-up'],
      ]);
    });

    it('never holds up the API answer', async () => {
      h.sim.control.setFaults({ webhook: { delay: { fixedMs: 200 } } });

      const answer = await simCall(h.sim, 'GET', '/v2/userGroup2?id=3918893');
      h.activity(PRIMARY, 'Platinum');

      expect(answer.status).toBe(200);
      expect(receiver.received).toHaveLength(0);
      await h.sim.control.webhooksIdle();
      expect(receiver.received).toHaveLength(1);
    });

    it('keeps emitted events even without a configured webhook', async () => {
      h.sim.control.setWebhook(undefined);

      h.activity(PRIMARY, 'Platinum');
      await h.sim.control.webhooksIdle();

      expect(h.sim.control.emittedEvents().map((e) => e.eventName)).toEqual(['tierUpgraded']);
      expect(receiver.received).toHaveLength(0);
    });
  });

  describe('delivery faults', () => {
    it('duplicates: the same event (same eventId) arrives twice', async () => {
      h.sim.control.setFaults({ webhook: { duplicateRate: 1 } });

      h.activity(PRIMARY, 'Platinum');
      h.activity(PRIMARY, 'Gold');
      await h.sim.control.webhooksIdle();

      const ids = receiver.received.map((r) => r.body.eventId);
      expect(ids).toHaveLength(4);
      expect(new Set(ids).size).toBe(2);
    });

    it('reordering: events inside the window arrive newest first', async () => {
      h.sim.control.setFaults({ webhook: { reorderWindowMs: 30 } });

      h.activity(PRIMARY, 'Platinum');
      h.activity(PRIMARY, 'Silver');
      h.activity(PRIMARY, 'Gold');
      await h.sim.control.webhooksIdle();

      expect(receiver.names()).toEqual(['tierUpgraded', 'tierDowngraded', 'tierUpgraded']);
      expect(receiver.received.map((r) => r.body.data['previousTierNumber'])).toEqual([1, 3, 2]);
    });

    it('is reproducible with the same rngSeed', async () => {
      const run = async () => {
        receiver.clear();
        h.sim.control.reset();
        h.sim.control.setFaults({ rngSeed: 7, webhook: { duplicateRate: 0.5 } });
        for (let i = 0; i < 6; i++) {
          h.activity(PRIMARY, i % 2 === 0 ? 'Platinum' : 'Gold');
        }
        await h.sim.control.webhooksIdle();
        return receiver.received.map((r) => r.body.eventId).sort();
      };

      const first = await run();
      const second = await run();

      expect(second).toEqual(first);
      expect(first.length).toBeGreaterThan(6);
      expect(first.length).toBeLessThan(12);
    });
  });
});
