import 'reflect-metadata';
import { runMain } from '#runtime';
import { startDelivery } from './delivery.app.js';

runMain('delivery', () => startDelivery());
