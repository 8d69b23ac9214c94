interface Pending<T, R> {
  item: T;
  key: string;
  resolve(result: R): void;
  reject(error: unknown): void;
}

export interface BatchLimits {
  /** Items per batch at most. */
  maxSize: number;
  /** Batches running at once at most. */
  parallel: number;
}

/**
 * Turns concurrent calls into batches: what is submitted in the same turn of
 * the event loop, or while the batches in hand run, goes into the next one.
 * A key is in one running batch at a time (two events of one article are
 * applied in the order they came), and a batch that fails is retried item by
 * item, so one bad item fails alone.
 */
export class MicroBatcher<T, R> {
  private queue: Array<Pending<T, R>> = [];
  private readonly busyKeys = new Set<string>();
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly keyOf: (item: T) => string,
    private readonly limits: BatchLimits,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, key: this.keyOf(item), resolve, reject });
      if (this.scheduled || this.running >= this.limits.parallel) return;
      this.scheduled = true;
      // After the current turn, so the other messages that arrived with this one join its batch.
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    });
  }

  private pump(): void {
    while (this.running < this.limits.parallel) {
      const batch = this.take();
      if (!batch.length) return;
      this.running++;
      void this.runBatch(batch).finally(() => {
        this.running--;
        for (const pending of batch) this.busyKeys.delete(pending.key);
        this.pump();
      });
    }
  }

  /** The oldest items whose keys are free, up to maxSize; the rest wait, in order. */
  private take(): Array<Pending<T, R>> {
    const batch: Array<Pending<T, R>> = [];
    const rest: Array<Pending<T, R>> = [];
    for (const pending of this.queue) {
      if (batch.length < this.limits.maxSize && !this.busyKeys.has(pending.key)) {
        this.busyKeys.add(pending.key);
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
