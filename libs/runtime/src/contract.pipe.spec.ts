import { describe, expect, it } from '@jest/globals';
import { Type } from 'typebox';
import { validatorFor } from '#contracts';
import { ContractPipe } from './contract.pipe.js';
import { ProblemException } from './problem-details.js';

const pipe = new ContractPipe(
  validatorFor('feed', Type.Object({ url: Type.String({ minLength: 1 }), every: Type.Optional(Type.Integer()) }, { additionalProperties: false })),
  'feed',
);

describe('ContractPipe', () => {
  it('hands the handler the value when it meets its contract', () => {
    expect(pipe.transform({ url: 'https://x.test/rss', every: 60 })).toEqual({ url: 'https://x.test/rss', every: 60 });
  });

  it('refuses anything else with 400 problem+json naming each field and why', () => {
    let refused: unknown;
    try {
      pipe.transform({ every: 'often', colour: 'red' });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemException);
    const problem = (refused as ProblemException).problem as { status: number; detail: string; errors: { field: string }[] };
    expect(problem).toMatchObject({ status: 400, detail: 'The feed has invalid fields.' });
    expect(problem.errors.map((e) => e.field).sort()).toEqual(expect.arrayContaining(['url']));
    expect(JSON.stringify(problem.errors)).toMatch(/every|colour/);
  });

  it('reads a missing body as an empty object, so required fields are named', () => {
    expect(() => pipe.transform(undefined)).toThrow(ProblemException);
  });
});
