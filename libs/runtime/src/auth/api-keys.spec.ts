import { describe, expect, it } from '@jest/globals';
import { findKey, grants, parseApiKeys } from './api-keys.js';

const SECRET_A = 'a'.repeat(20);
const SECRET_B = 'b-0123456789abcdef';

describe('parseApiKeys', () => {
  it('reads name:secret:scopes entries and keeps no secret in clear', () => {
    const keys = parseApiKeys(`desk:${SECRET_A}:submit+correct, wires:${SECRET_B}:wire`);
    expect(keys.map((k) => [k.name, [...k.scopes]])).toEqual([
      ['desk', ['submit', 'correct']],
      ['wires', ['wire']],
    ]);
    expect(JSON.stringify(keys)).not.toContain(SECRET_A);
  });

  it('says what is wrong with a bad entry', () => {
    expect(() => parseApiKeys('desk')).toThrow('entry 1 is not name:secret:scope+scope[:newsroom]');
    expect(() => parseApiKeys(`desk:${SECRET_A}:submit:`)).toThrow('entry 1 is not name:secret:scope+scope[:newsroom]');
    expect(() => parseApiKeys(`desk:${SECRET_A}:submit:le monde`)).toThrow('the newsroom may hold');
    expect(() => parseApiKeys('desk:short:submit')).toThrow('at least 16 characters');
    expect(() => parseApiKeys(`desk:${SECRET_A}:publish`)).toThrow('unknown scope publish');
    expect(() => parseApiKeys(`d:${SECRET_A}:wire,d:${SECRET_B}:wire`)).toThrow('appears twice');
  });
});

describe('newsrooms', () => {
  it('reads an optional newsroom after the scopes; a key without one is its own newsroom', () => {
    const keys = parseApiKeys(`politique:${SECRET_A}:submit+correct:lemonde, sport:${SECRET_B}:submit:lemonde, wires:${SECRET_A}b:wire`);
    expect(keys.map((k) => [k.name, k.newsroom])).toEqual([
      ['politique', 'lemonde'],
      ['sport', 'lemonde'],
      ['wires', 'wires'],
    ]);
  });
});

describe('findKey and grants', () => {
  const keys = parseApiKeys(`desk:${SECRET_A}:submit,ops:${SECRET_B}:admin`);

  it('finds the key a token belongs to, or none', () => {
    expect(findKey(keys, SECRET_A)?.name).toBe('desk');
    expect(findKey(keys, SECRET_B)?.name).toBe('ops');
    expect(findKey(keys, SECRET_A + 'x')).toBeUndefined();
    expect(findKey(keys, '')).toBeUndefined();
  });

  it('grants a key its scopes, and admin every scope', () => {
    expect(grants(keys[0]!, 'submit')).toBe(true);
    expect(grants(keys[0]!, 'kill')).toBe(false);
    expect(grants(keys[1]!, 'kill')).toBe(true);
  });
});
