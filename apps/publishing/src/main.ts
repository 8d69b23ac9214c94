import 'reflect-metadata';
import { runMain } from '#runtime';
import { startPublishing } from './publishing.app.js';

runMain('publishing', () => startPublishing());
