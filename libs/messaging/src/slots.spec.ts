import { describe, expect, it } from '@jest/globals';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('never lets more than its size run at once, and reports idle when all are released', async () => {
    const slots = new Slots(2);
    let running = 0;
    let peak = 0;
    const work = async () => {
      await slots.acquire();
      running++;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      slots.release();
    };
    await Promise.all(Array.from({ length: 10 }, work));
    expect(peak).toBe(2);
    expect(slots.inUse).toBe(0);
    await expect(slots.idle()).resolves.toBeUndefined();
  });

  it('refuses a size below one', () => {
    expect(() => new Slots(0)).toThrow('at least 1');
  });
});
