import { type IncomingMessage, type ServerResponse } from 'node:http';
import { BadJsonError, readJson, sendJson } from './http-io';
import { type ActivityInput, type SimControl, SimControlError } from './sim-control';
import { type SimEndpoint } from './sim-faults';
import { type SimSeed } from './sim.types';
import { type WebhookTarget } from './webhook.types';

type ControlRoute = [
  method: string,
  pattern: RegExp,
  run: (control: SimControl, params: number[], body: unknown, url: URL) => unknown,
];

/** Bodies are trusted test input. */
const CONTROL_ROUTES: ControlRoute[] = [
  [
    'POST',
    /^\/__sim\/reset$/,
    (c, _, body) => {
      c.reset(body as SimSeed | undefined);
    },
  ],
  ['GET', /^\/__sim\/state$/, (c) => c.state()],
  [
    'GET',
    /^\/__sim\/calls$/,
    (c, _, __, url) =>
      c.calls({ endpoint: (url.searchParams.get('endpoint') ?? undefined) as SimEndpoint | undefined }),
  ],
  [
    'DELETE',
    /^\/__sim\/calls$/,
    (c) => {
      c.clearCalls();
    },
  ],
  ['GET', /^\/__sim\/faults$/, (c) => c.faults()],
  [
    'PUT',
    /^\/__sim\/faults$/,
    (c, _, body) => {
      c.setFaults(body ?? {});
    },
  ],
  [
    'PATCH',
    /^\/__sim\/behaviour$/,
    (c, _, body) => {
      c.setBehaviour(body ?? {});
    },
  ],
  ['POST', /^\/__sim\/activity$/, (c, _, body) => c.activity(body as ActivityInput)],
  [
    'POST',
    /^\/__sim\/groups\/(\d+)\/members$/,
    (c, [g], body) => {
      c.addMember(g ?? 0, Number((body as { customerId?: unknown }).customerId));
    },
  ],
  [
    'DELETE',
    /^\/__sim\/groups\/(\d+)\/members\/(\d+)$/,
    (c, [g, m]) => {
      c.removeMember(g ?? 0, m ?? 0);
    },
  ],
  [
    'PUT',
    /^\/__sim\/customers\/(\d+)\/status$/,
    (c, [id], body) => {
      c.setCustomerStatus(id ?? 0, String((body as { status?: unknown }).status));
    },
  ],
  [
    'POST',
    /^\/__sim\/tokens\/expire$/,
    (c) => {
      c.expireTokens();
    },
  ],
  [
    'PUT',
    /^\/__sim\/webhook$/,
    (c, _, body) => {
      c.setWebhook(body as WebhookTarget | undefined);
    },
  ],
  ['GET', /^\/__sim\/webhooks$/, (c) => ({ emitted: c.emittedEvents(), deliveries: c.webhookDeliveries() })],
];

export const CONTROL_ENDPOINTS: string[] = CONTROL_ROUTES.map(
  ([method, pattern]) =>
    `${method} ${pattern.source
      .slice(1, -1)
      .replace(/\\\//g, '/')
      .replace(/\(\\d\+\)/g, ':id')}`,
);

export async function handleControlRequest(
  control: SimControl,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  for (const [method, pattern, run] of CONTROL_ROUTES) {
    const match = req.method === method ? pattern.exec(url.pathname) : null;
    if (match) {
      try {
        const result = run(control, match.slice(1).map(Number), await readJson(req), url);
        sendJson(res, 200, result ?? { ok: true });
        return;
      } catch (error) {
        if (error instanceof SimControlError || error instanceof BadJsonError || error instanceof TypeError) {
          sendJson(res, 400, { error: error.message });
          return;
        }
        throw error;
      }
    }
  }
  sendJson(res, 404, {
    error: `no control endpoint ${req.method ?? ''} ${url.pathname}`,
    endpoints: CONTROL_ENDPOINTS,
  });
}
