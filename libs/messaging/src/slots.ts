/** A counting semaphore: bounds how many messages a consumer handles at once. */
export class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly size: number) {
    if (size < 1) throw new Error('slots size must be at least 1');
  }

  get inUse(): number {
    return this.used;
  }

  /** True when acquire() would not wait. */
  get free(): boolean {
    return this.used < this.size;
  }

  async acquire(): Promise<void> {
    if (this.used < this.size) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) return next(); // hand the slot over without freeing it
    this.used--;
    if (this.used === 0) this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  /** Resolves once nothing is in flight. */
  idle(): Promise<void> {
    if (this.used === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
