import 'reflect-metadata';
import { runMain } from '#runtime';
import { startIngest } from './ingest.app.js';

runMain('ingest', () => startIngest());
