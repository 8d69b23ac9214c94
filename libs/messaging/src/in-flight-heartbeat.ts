import type { JsMsg } from '@nats-io/jetstream';

export interface HeartbeatSettings {
  /** The consumer's ack wait: a message not acked nor marked in progress within it is redelivered. */
  ackWaitMs: number;
  /** After this long a message gets no more heartbeats, so a handler that hangs lets it go to another instance. */
  maxHandlingMs: number;
}

/**
 * Keeps the messages this instance holds from being redelivered while it works
 * on them: every third of the ack wait, each one gets an in-progress ack
 * (`working()`, which restarts its ack wait on the server). A killed instance
 * sends none, so its messages come back after one short ack wait instead of a
 * long one sized for the slowest handler. One timer for all messages: the
 * cost is a Map entry per message and a small write per held message per beat.
 */
export class InFlightHeartbeat {
  private readonly held = new Map<JsMsg, number>();
  private timer?: NodeJS.Timeout;

  constructor(private readonly settings: HeartbeatSettings) {}

  get intervalMs(): number {
    return Math.max(250, Math.floor(this.settings.ackWaitMs / 3));
  }

  /** From the moment a message arrives (it may wait for a free slot), until it is settled. */
  hold(msg: JsMsg): void {
    this.held.set(msg, Date.now());
    this.timer ??= setInterval(() => this.beat(), this.intervalMs).unref();
  }

  release(msg: JsMsg): void {
    this.held.delete(msg);
    if (this.held.size === 0) this.stop();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private beat(): void {
    const now = Date.now();
    for (const [msg, since] of this.held) {
      if (now - since < this.settings.maxHandlingMs) msg.working();
    }
  }
}
