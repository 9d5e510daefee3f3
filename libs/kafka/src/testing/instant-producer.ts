import { type BatchProducer, type EncodedRecord } from '../publishing/batching-publisher';

/** For unit tests and the ingress benchmark's no-durability baseline only: no variable selects it. */
export class InstantProducer implements BatchProducer {
  readonly batches: { topic: string; records: EncodedRecord[] }[] = [];
  isConnected = false;
  private readonly keepRecords: boolean;
  private readonly acknowledge: boolean;

  constructor(options: { keepRecords?: boolean; acknowledge?: boolean } = {}) {
    this.keepRecords = options.keepRecords ?? true;
    this.acknowledge = options.acknowledge ?? true;
  }

  connect(): Promise<void> {
    this.isConnected = true;
    return Promise.resolve();
  }

  disconnect(): Promise<void> {
    this.isConnected = false;
    return Promise.resolve();
  }

  publishBatch(topic: string, records: EncodedRecord[]): Promise<unknown> {
    if (this.keepRecords) {
      this.batches.push({ topic, records });
    }
    return this.acknowledge ? Promise.resolve() : new Promise(() => undefined);
  }
}
