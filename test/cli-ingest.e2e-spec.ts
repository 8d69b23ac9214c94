import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { run } from '../apps/cli/src/commands/ingest.command.js';
import { TEST_API_KEY, TestPipeline } from './harness/pipeline.js';
import { EXAMPLE_PAGE, fixturePath } from './harness/fixtures.js';

describe('depeche ingest', () => {
  let pipeline: TestPipeline;
  const captured = () => {
    const io = { out: '', err: '' };
    return { io, writer: { out: (t: string) => void (io.out += t), err: (t: string) => void (io.err += t), interactive: true } };
  };

  beforeAll(async () => {
    pipeline = await TestPipeline.start();
    process.env.DEPECHE_API_KEY = TEST_API_KEY;
  }, 60_000);

  afterAll(async () => {
    delete process.env.DEPECHE_API_KEY;
    await pipeline?.close();
  }, 60_000);

  it('sends a folder and a file, shows progress and a summary, and exits 0 when nothing was rejected', async () => {
    const { io, writer } = captured();
    const folder = mkdtempSync(path.join(tmpdir(), 'depeche-cli-'));
    for (const file of ['nitf-en.xml', 'newsml1-en.xml', 'ninjs-2-fr.json', 'atom-en.xml']) copyFileSync(fixturePath(`wire/${file}`), path.join(folder, file));
    const code = await run([folder, fixturePath(EXAMPLE_PAGE), '--url', pipeline.url('ingest', '/')], writer);
    expect(io.err).toContain('5/5');
    expect(io.out).toMatch(/^documents\s+new\s+updated\s+duplicate\s+killed\s+stale\s+rejected\n5\s+5\s+0\s+0\s+0\s+0\s+0\n$/);
    expect(code).toBe(0);

    const again = captured();
    await run([fixturePath(EXAMPLE_PAGE), '--url', pipeline.url('ingest', '/')], again.writer);
    expect(again.io.out).toMatch(/\n1\s+0\s+0\s+1\s+0\s+0\s+0\n/);
  }, 60_000);

  it('lists each rejected document with its reason and exits 1', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'depeche-cli-'));
    writeFileSync(path.join(folder, 'broken.xml'), '<?xml version="1.0"?><newsItem><itemMeta>');
    writeFileSync(path.join(folder, 'note.txt'), '');
    const { io, writer } = captured();
    const code = await run([folder, '--url', pipeline.url('ingest', '/')], writer);
    expect(code).toBe(1);
    expect(io.out).toMatch(/\n2\s+0\s+0\s+0\s+0\s+0\s+2\n/);
    expect(io.out).toMatch(/broken\.xml\s+0\s+HTTP 422: .*[Mm]alformed/);
    expect(io.out).toMatch(/note\.txt\s+0\s+HTTP 400: body is empty/);
  }, 30_000);

  it('explains its usage when given nothing to send', async () => {
    const { io, writer } = captured();
    expect(await run([], writer)).toBe(2);
    expect(io.err).toMatch(/^usage: depeche ingest/);
  });
});
