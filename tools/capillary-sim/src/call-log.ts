import { type SimEndpoint } from './sim-faults';

/** One API request as the simulator saw it; tests read these to observe the client's behaviour. */
export interface SimCall {
  seq: number;
  endpoint?: SimEndpoint;
  method: string;
  path: string;
  /** The till name of a Basic-authenticated request; tells apart processes that share one simulator. */
  caller?: string;
  query: Record<string, string>;
  body: unknown;
  /** Undefined while the request is still open; 0 when the client gave up on a hang. */
  status?: number;
  /** The error code of the answer's envelope, if any. */
  code?: number;
  /** `lost-answer`: carried out, then answered with an error or a dropped connection instead. */
  fault?: 'hang' | 'error' | 'rate-limit' | 'lost-answer';
  /** Epoch ms when the request arrived. */
  at: number;
  durationMs?: number;
  /** API requests in flight when this one arrived, itself included. */
  concurrent: number;
}

export class CallLog {
  private readonly calls: SimCall[] = [];
  private seq = 0;
  private open = 0;

  start(entry: Omit<SimCall, 'seq' | 'concurrent' | 'at'>): SimCall {
    this.open++;
    const call: SimCall = { ...entry, seq: ++this.seq, at: Date.now(), concurrent: this.open };
    this.calls.push(call);
    return call;
  }

  finish(call: SimCall, status: number, code?: number): void {
    if (call.status !== undefined) {
      return;
    }
    this.open--;
    call.status = status;
    call.durationMs = Date.now() - call.at;
    if (code !== undefined) {
      call.code = code;
    }
  }

  list(filter: { endpoint?: SimEndpoint } = {}): SimCall[] {
    return structuredClone(this.calls.filter((c) => !filter.endpoint || c.endpoint === filter.endpoint));
  }

  clear(): void {
    this.calls.length = 0;
  }
}
