import { jest } from '@jest/globals';

type Method = (...args: any[]) => any;
export type AutoMocked<T> = { [K in keyof T]: T[K] extends Method ? jest.Mock<T[K]> : T[K] };

/** Every method of a class (its prototype chain) as a jest.fn(): a repository mocked without listing what it does. */
export function autoMock<T>(type: abstract new (...args: never[]) => T): AutoMocked<T> {
  const mock: Record<string, unknown> = {};
  for (let proto = type.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const name of Object.getOwnPropertyNames(proto)) if (name !== 'constructor' && !(name in mock)) mock[name] = jest.fn();
  }
  return mock as AutoMocked<T>;
}
