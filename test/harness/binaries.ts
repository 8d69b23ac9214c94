import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The first executable named `name` on PATH, then in the usual system folders, then in `extraDirs`. */
export function findBinary(name: string, extraDirs: string[] = []): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/usr/local/bin', '/usr/bin', ...extraDirs];
  for (const dir of dirs.filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new Error(`${name} not found on PATH nor in ${extraDirs.join(', ') || 'the usual places'}; install it (Debian: nats-server, postgresql)`);
}
