interface Pending<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Turns concurrent calls into batches: what is submitted while a batch runs (or
 * in the same turn of the event loop) goes into the next one. Batches run one
 * at a time, hold at most one item per key (two events of one article are
 * applied in the order they came), and a batch that fails is retried item by
 * item, so one bad item fails alone.
 */
export class MicroBatcher<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private running = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly keyOf: (item: T) => string,
    private readonly maxSize: number,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.running) return;
      this.running = true;
      // After the current turn, so the other messages that arrived with this one join its batch.
      setImmediate(() => void this.drain());
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length) await this.runBatch(this.take());
    this.running = false;
  }

  /** The oldest items with distinct keys, up to maxSize; the rest wait, in order. */
  private take(): Array<Pending<T, R>> {
    const keys = new Set<string>();
    const batch: Array<Pending<T, R>> = [];
    const rest: Array<Pending<T, R>> = [];
    for (const pending of this.queue) {
      const key = this.keyOf(pending.item);
      if (batch.length < this.maxSize && !keys.has(key)) {
        keys.add(key);
        batch.push(pending);
      } else rest.push(pending);
    }
    this.queue = rest;
    return batch;
  }

  private async runBatch(batch: Array<Pending<T, R>>): Promise<void> {
    let results: R[];
    try {
      results = await this.run(batch.map((pending) => pending.item));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      for (const pending of batch) await this.runBatch([pending]);
      return;
    }
    batch.forEach((pending, i) => pending.resolve(results[i]!));
  }
}
