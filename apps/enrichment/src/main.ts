import 'reflect-metadata';
import { runMain } from '#runtime';
import { startEnrichment } from './enrichment.app.js';

runMain('enrichment', () => startEnrichment());
