import { execFileSync } from 'node:child_process';

/**
 * sync_interval came with nats-server 2.10 (the image runs 2.10): an older local
 * server is given the configuration without that line, and checks everything else.
 */
export function natsConfigForLocalServer(natsServer: string, conf: string): string {
  const [major = 0, minor = 0] = (/v(\d+)\.(\d+)/.exec(execFileSync(natsServer, ['--version'], { encoding: 'utf8' }))?.slice(1) ?? []).map(Number);
  if (major > 2 || (major === 2 && minor >= 10)) return conf;
  return conf.replace(/^\s*sync_interval:.*$/m, '');
}
