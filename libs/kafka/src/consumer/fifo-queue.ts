/**
 * An array-backed FIFO whose shift() is O(1): a head index moves, and the array is compacted once the
 * consumed part dominates, so long-lived queues neither shift arrays nor grow without bound.
 */
export class FifoQueue<T> {
  private items: T[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    const item = this.items[this.head];
    if (item === undefined) {
      return undefined;
    }
    this.head++;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** Removes and returns everything left, in order. */
  drain(): T[] {
    const rest = this.items.slice(this.head);
    this.clear();
    return rest;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}
