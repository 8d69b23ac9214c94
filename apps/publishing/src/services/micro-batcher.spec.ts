import { describe, expect, it } from '@jest/globals';
import { MicroBatcher } from './micro-batcher.js';

interface Item {
  key: string;
  value: string;
}

/** A batcher over `run` that records every batch it was handed. */
function recording(run: (items: Item[]) => Promise<string[]> = async (items) => items.map((i) => i.value.toUpperCase()), maxSize = 10, parallel = 1) {
  const batches: string[][] = [];
  const batcher = new MicroBatcher<Item, string>(
    (items) => {
      batches.push(items.map((i) => i.value));
      return run(items);
    },
    (item) => item.key,
    { maxSize, parallel },
  );
  return { batcher, batches };
}

const item = (key: string, value: string): Item => ({ key, value });

describe('MicroBatcher', () => {
  it('runs what is submitted in the same turn as one batch, and answers each caller with its own result', async () => {
    const { batcher, batches } = recording();
    const results = await Promise.all([batcher.submit(item('a', 'un')), batcher.submit(item('b', 'deux')), batcher.submit(item('c', 'trois'))]);
    expect(results).toEqual(['UN', 'DEUX', 'TROIS']);
    expect(batches).toEqual([['un', 'deux', 'trois']]);
  });

  it('keeps two items of one key in separate batches, in the order they came', async () => {
    const { batcher, batches } = recording();
    await Promise.all([batcher.submit(item('a', 'a1')), batcher.submit(item('b', 'b1')), batcher.submit(item('a', 'a2')), batcher.submit(item('a', 'a3'))]);
    expect(batches).toEqual([['a1', 'b1'], ['a2'], ['a3']]);
  });

  it('caps the batch size and queues the rest for the next batch', async () => {
    const { batcher, batches } = recording(undefined, 2);
    await Promise.all(['1', '2', '3', '4', '5'].map((v) => batcher.submit(item(v, v))));
    expect(batches).toEqual([['1', '2'], ['3', '4'], ['5']]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const { batcher, batches } = recording(async (items) => {
      if (items.some((i) => i.value === 'bad')) throw new Error('refused: bad');
      return items.map((i) => `ok:${i.value}`);
    });
    const settled = await Promise.allSettled([batcher.submit(item('a', 'good')), batcher.submit(item('b', 'bad')), batcher.submit(item('c', 'fine'))]);
    expect(settled).toEqual([
      { status: 'fulfilled', value: 'ok:good' },
      { status: 'rejected', reason: new Error('refused: bad') },
      { status: 'fulfilled', value: 'ok:fine' },
    ]);
    expect(batches).toEqual([['good', 'bad', 'fine'], ['good'], ['bad'], ['fine']]);
  });

  it('runs batches side by side up to the limit, never two with the same key', async () => {
    let running = 0;
    let most = 0;
    const { batcher, batches } = recording(
      async (items) => {
        most = Math.max(most, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        return items.map((i) => i.value);
      },
      1,
      2,
    );
    await Promise.all([batcher.submit(item('a', 'a1')), batcher.submit(item('a', 'a2')), batcher.submit(item('b', 'b1')), batcher.submit(item('c', 'c1'))]);
    expect(most).toBe(2);
    expect(batches).toEqual([['a1'], ['b1'], ['a2'], ['c1']]);
  });

  it('starts a new batch for what arrives while one runs', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { batcher, batches } = recording(async (items) => {
      if (items[0]!.value === 'first') await gate;
      return items.map((i) => i.value);
    });
    const first = batcher.submit(item('a', 'first'));
    await new Promise((resolve) => setImmediate(resolve));
    const later = [batcher.submit(item('b', 'second')), batcher.submit(item('c', 'third'))];
    release();
    expect(await Promise.all([first, ...later])).toEqual(['first', 'second', 'third']);
    expect(batches).toEqual([['first'], ['second', 'third']]);
  });
});
