import { Controller, UseFilters, applyDecorators } from '@nestjs/common';
import { RethrowToTransportFilter } from './rethrow-to-transport.filter.js';

/** Marks a class holding @EventPattern handlers consumed through JetStream: their errors reach the transport as thrown. */
export const EventController = () => applyDecorators(Controller(), UseFilters(new RethrowToTransportFilter()));
