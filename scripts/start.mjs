// `npm start`: build if needed, check NATS and Postgres, then run the three services with prefixed logs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import concurrently from 'concurrently';

const root = path.resolve(import.meta.dirname, '..');
execFileSync(process.execPath, [path.join(root, 'scripts/ensure-build.mjs')], { stdio: 'inherit' });
try {
  execFileSync(process.execPath, [path.join(root, 'scripts/check-services.mjs')], { stdio: 'inherit' });
} catch {
  process.exit(1);
}

const service = (name, color) => ({ name, prefixColor: color, command: `node dist/apps/${name}/src/main.js`, cwd: root });
const { result } = concurrently([service('publishing', 'magenta'), service('enrichment', 'cyan'), service('ingest', 'green')], {
  killOthersOn: ['failure'],
  prefix: '{name}',
  padPrefix: true,
});
result.then(
  () => process.exit(0),
  () => process.exit(1),
);
