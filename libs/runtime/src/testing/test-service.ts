import 'reflect-metadata';
import { autoMock, type AutoMocked } from './auto-mock.js';

type Class<T = unknown> = abstract new (...args: never[]) => T;

export interface TestService<T> {
  /** The service under test, built with every class-typed dependency auto-mocked. */
  sut: T;
  /** The auto-mock given for a dependency's class (the same object the service holds); a private constructor is fine. */
  mock<D>(type: { prototype: D; name: string }): AutoMocked<D>;
}

/** Constructor parameters that are not classes (Number, String, Object, Array): values, not repositories. */
const VALUE_TYPES = new Set<unknown>([Number, String, Boolean, Object, Array, Function, undefined]);

/**
 * Builds a service the way Nest would, from its constructor's parameter types (decorator
 * metadata), with each repository or collaborator replaced by an auto-mock. Injected values
 * (tokens, settings) are given by position in `values`; a position left out gets undefined, so
 * the service's own default applies. One factory for every service spec, so a constructor that
 * gains a dependency does not break specs that do not use it.
 */
export function newTestService<T>(service: new (...args: never[]) => T, values: Readonly<Record<number, unknown>> = {}): TestService<T> {
  const types = (Reflect.getMetadata('design:paramtypes', service) ?? []) as unknown[];
  const mocks = new Map<unknown, unknown>();
  const args = types.map((type, index) => {
    if (index in values) return values[index];
    if (VALUE_TYPES.has(type)) return undefined;
    if (!mocks.has(type)) mocks.set(type, autoMock(type as Class));
    return mocks.get(type);
  });
  const sut = new (service as unknown as new (...args: unknown[]) => T)(...args);
  return {
    sut,
    mock: <D>(type: { prototype: D; name: string }) => {
      const found = mocks.get(type);
      if (!found) throw new Error(`${service.name} takes no ${type.name}`);
      return found as AutoMocked<D>;
    },
  };
}
