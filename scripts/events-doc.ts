/**
 * Writes docs/events.md from the events catalogue in libs/contracts.
 *   node dist/scripts/events-doc.js
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderEventsDoc } from '../libs/contracts/src/events/events-doc.js';

const root = path.resolve(import.meta.dirname, process.argv[1]!.includes(`${path.sep}dist${path.sep}`) ? '../..' : '..');
const target = path.join(root, 'docs', 'events.md');
writeFileSync(target, renderEventsDoc());
process.stdout.write(`wrote ${target}\n`);
