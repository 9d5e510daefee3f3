import { CallLog } from './call-log';
import { SeededRandom } from './seeded-random';
import { type SimAuth, type SimContext, TokenStore } from './sim-context';
import { SimEvents } from './sim-events';
import { DEFAULT_BEHAVIOUR, FaultInjector, type SimBehaviour } from './sim-faults';
import { SimState } from './sim-state';
import { type SimSeed } from './sim.types';
import { WebhookDispatcher } from './webhook-dispatcher';
import { type WebhookTarget } from './webhook.types';

export interface SimCoreOptions {
  seed: SimSeed;
  auth?: SimAuth;
  webhook?: WebhookTarget;
  behaviour?: Partial<SimBehaviour>;
  rngSeed?: number;
}

export class SimCore {
  initialSeed: SimSeed;
  state: SimState;
  random: SeededRandom;
  behaviour: SimBehaviour;
  readonly initialBehaviour: SimBehaviour;
  readonly auth?: SimAuth;
  readonly tokens = new TokenStore();
  readonly calls = new CallLog();
  readonly dispatcher: WebhookDispatcher;
  readonly events: SimEvents;
  readonly faults: FaultInjector;

  constructor(options: SimCoreOptions) {
    this.initialSeed = structuredClone(options.seed);
    this.state = new SimState(options.seed);
    this.random = new SeededRandom(options.rngSeed ?? 42);
    this.initialBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
    this.behaviour = { ...this.initialBehaviour };
    this.auth = options.auth;
    // Getters, not values: reset() swaps the state and a new rngSeed swaps the generator.
    this.dispatcher = new WebhookDispatcher(() => this.random);
    this.dispatcher.configure(options.webhook);
    this.events = new SimEvents(
      () => this.state,
      () => this.random,
      this.dispatcher,
    );
    this.faults = new FaultInjector(() => this.random);
  }

  context(): SimContext {
    return {
      state: this.state,
      events: this.events,
      tokens: this.tokens,
      behaviour: this.behaviour,
      auth: this.auth,
      now: () => Date.now(),
    };
  }
}
