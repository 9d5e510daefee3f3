/** With few messages per slot the last long key chains keep even this below maxInFlight / mean duration. */
export function idealMakespan(chains: number[][], slots: number): number {
  const ready: number[] = chains.map((_, key) => key);
  const next = chains.map(() => 0);
  const running = new MinHeap();
  let readyHead = 0;
  let now = 0;
  const fill = () => {
    while (running.size < slots && readyHead < ready.length) {
      const key = ready[readyHead++] ?? 0;
      const duration = chains[key]?.[next[key] ?? 0] ?? 0;
      running.push(now + duration, key);
    }
  };
  fill();
  while (running.size > 0) {
    const [end, key] = running.pop();
    now = end;
    next[key] = (next[key] ?? 0) + 1;
    if ((next[key] ?? 0) < (chains[key]?.length ?? 0)) {
      ready.push(key);
    }
    fill();
  }
  return now;
}

class MinHeap {
  private readonly items: [number, number][] = [];

  get size(): number {
    return this.items.length;
  }

  push(time: number, key: number): void {
    const items = this.items;
    items.push([time, key]);
    for (let i = items.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (this.at(parent)[0] <= this.at(i)[0]) {
        break;
      }
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): [number, number] {
    const top = this.at(0);
    const last = this.items.pop() ?? top;
    if (this.items.length > 0) {
      this.items[0] = last;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        let smallest = i;
        if (l < this.items.length && this.at(l)[0] < this.at(smallest)[0]) {
          smallest = l;
        }
        if (r < this.items.length && this.at(r)[0] < this.at(smallest)[0]) {
          smallest = r;
        }
        if (smallest === i) {
          break;
        }
        this.swap(i, smallest);
        i = smallest;
      }
    }
    return top;
  }

  private at(i: number): [number, number] {
    const item = this.items[i];
    if (!item) {
      throw new RangeError(`heap index ${i} out of range`);
    }
    return item;
  }

  private swap(a: number, b: number): void {
    const [x, y] = [this.at(a), this.at(b)];
    this.items[a] = y;
    this.items[b] = x;
  }
}
