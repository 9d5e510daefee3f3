import { FifoQueue } from './fifo-queue';

export interface ScheduledWork {
  readonly key: string;
  readonly group: string;
  readyAt: number;
  run(): Promise<boolean>;
}

interface KeyChain {
  items: ScheduledWork[];
  running: boolean;
  queuedAsReady: boolean;
  timer: NodeJS.Timeout | undefined;
}

/** A key whose head is not ready yet (notBefore, retry backoff) waits on its own timer, holding no slot. */
export class KeyScheduler {
  private readonly chains = new Map<string, KeyChain>();
  private readonly ready = new FifoQueue<string>();
  private total = 0;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private closed = false;
  private held = false;

  constructor(
    private readonly maxInFlight: number,
    private readonly onChange: () => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {
    if (!Number.isInteger(maxInFlight) || maxInFlight < 1) {
      throw new RangeError(`maxInFlight must be a positive integer, got ${maxInFlight}`);
    }
  }

  get running(): number {
    return this.inFlight;
  }

  get queued(): number {
    return this.total - this.inFlight;
  }

  get delayedKeys(): number {
    let count = 0;
    for (const chain of this.chains.values()) {
      count += chain.timer ? 1 : 0;
    }
    return count;
  }

  enqueue(work: ScheduledWork): void {
    if (this.closed) {
      throw new Error('KeyScheduler is closed');
    }
    let chain = this.chains.get(work.key);
    if (!chain) {
      chain = { items: [], running: false, queuedAsReady: false, timer: undefined };
      this.chains.set(work.key, chain);
    }
    chain.items.push(work);
    this.total++;
    if (chain.items.length === 1) {
      this.schedule(work.key, chain);
    }
    this.pump();
  }

  dropGroup(group: string): number {
    return this.drop((work) => work.group === group);
  }

  dropQueued(): number {
    return this.drop(() => true);
  }

  idle(): Promise<void> {
    if (this.inFlight === 0) {
      return Promise.resolve();
    }
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  hold(): void {
    this.held = true;
  }

  release(): void {
    this.held = false;
    this.pump();
  }

  close(): void {
    this.dropQueued();
    this.closed = true;
  }

  private drop(matches: (work: ScheduledWork) => boolean): number {
    let dropped = 0;
    for (const [key, chain] of this.chains) {
      const runningHead = chain.running ? chain.items[0] : undefined;
      const kept = chain.items.filter((work) => work === runningHead || !matches(work));
      dropped += chain.items.length - kept.length;
      if (kept.length === chain.items.length) {
        continue;
      }
      chain.items = kept;
      this.clearTimer(chain);
      if (kept.length === 0) {
        this.chains.delete(key);
      } else if (!chain.running) {
        this.schedule(key, chain);
      }
    }
    this.total -= dropped;
    if (dropped > 0) {
      this.onChange();
    }
    return dropped;
  }

  private schedule(key: string, chain: KeyChain): void {
    const head = chain.items[0];
    if (!head || chain.running || chain.queuedAsReady || this.closed) {
      return;
    }
    const wait = head.readyAt - this.now();
    if (wait <= 0) {
      this.clearTimer(chain);
      chain.queuedAsReady = true;
      this.ready.push(key);
      return;
    }
    this.clearTimer(chain);
    chain.timer = setTimeout(() => {
      chain.timer = undefined;
      this.schedule(key, chain);
      this.pump();
    }, wait);
  }

  private pump(): void {
    while (!this.held && this.inFlight < this.maxInFlight && this.ready.size > 0) {
      const key = this.ready.shift() ?? '';
      const chain = this.chains.get(key);
      if (!chain) {
        continue;
      }
      chain.queuedAsReady = false;
      const head = chain.items[0];
      if (!head || chain.running) {
        continue;
      }
      if (head.readyAt > this.now()) {
        this.schedule(key, chain);
        continue;
      }
      this.start(key, chain, head);
    }
    this.onChange();
  }

  private start(key: string, chain: KeyChain, work: ScheduledWork): void {
    chain.running = true;
    this.inFlight++;
    void work.run().then(
      (finished) => {
        this.finish(key, chain, work, finished);
      },
      () => {
        // run() owns its errors; if one still escapes, run the work again later rather than lose it.
        work.readyAt = this.now() + 1000;
        this.finish(key, chain, work, false);
      },
    );
  }

  private finish(key: string, chain: KeyChain, work: ScheduledWork, finished: boolean): void {
    chain.running = false;
    this.inFlight--;
    if (finished && chain.items[0] === work) {
      chain.items.shift();
      this.total--;
    }
    if (chain.items.length === 0) {
      this.chains.delete(key);
    } else {
      this.schedule(key, chain);
    }
    if (this.inFlight === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((resolve) => {
        resolve();
      });
    }
    this.pump();
  }

  private clearTimer(chain: KeyChain): void {
    if (chain.timer) {
      clearTimeout(chain.timer);
      chain.timer = undefined;
    }
  }
}
