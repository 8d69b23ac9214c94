import { EventPattern, Payload } from '@nestjs/microservices';
import { LIFECYCLE_ACTIONS, LIFECYCLE_EVENTS } from '#contracts';
import { EventController } from '#messaging';
import { DeliveryRepository } from '../repositories/delivery.repository.js';
import { DeliveryWorker } from '../services/delivery-worker.service.js';
import { owedEventOf, type LifecycleEvent } from '../services/owed-event.js';

/**
 * Consumes the lifecycle events (their routed copies: one subject tree for all four) and owes each
 * to the subscribers it concerns, in Postgres, before the ack: a restart loses nothing.
 */
@EventController()
export class LifecycleEventHandler {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly worker: DeliveryWorker,
  ) {}

  @EventPattern(LIFECYCLE_ACTIONS.map((action) => LIFECYCLE_EVENTS[action].type))
  async handle(@Payload() event: LifecycleEvent): Promise<void> {
    const owed = owedEventOf(event);
    if ((await this.deliveries.owe(owed)) > 0) this.worker.owed(owed);
  }
}
