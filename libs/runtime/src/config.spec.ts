import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig, setting } from './config.js';

const schema = {
  PORT: setting.int('port', 3000, 0, 65535),
  NATS_URL: setting.url('nats', 'nats://127.0.0.1:4222', ['nats']),
  SECRET: setting.string('secret', '', true),
  LEVEL: setting.oneOf('level', 'info', ['info', 'debug'] as const),
};

describe('loadConfig', () => {
  it('applies defaults and parses values', () => {
    expect(loadConfig(schema, { PORT: '8080' })).toEqual({ PORT: 8080, NATS_URL: 'nats://127.0.0.1:4222', SECRET: '', LEVEL: 'info' });
  });

  it('names every bad variable, what it expects and what it got, but never a secret', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(
        {
          ...schema,
          SECRET: {
            ...schema.SECRET,
            parse: () => {
              throw new Error('too short');
            },
          },
        },
        { PORT: 'eighty', NATS_URL: 'http://x', SECRET: 'hunter2', LEVEL: 'loud' },
      );
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.problems).toEqual([
      'PORT="eighty" is invalid: expected an integer from 0 to 65535',
      'NATS_URL="http://x" is invalid: expected a nats URL',
      'SECRET=(hidden) is invalid: too short',
      'LEVEL="loud" is invalid: expected one of info, debug',
    ]);
    expect(error?.message).not.toContain('hunter2');
  });
});
