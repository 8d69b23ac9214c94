// Before starting the pipeline: are NATS and Postgres reachable? Say which is not, and how to start it.
import net from 'node:net';

const targets = [
  {
    name: 'NATS',
    url: process.env.NATS_URL?.split(',')[0] ?? 'nats://127.0.0.1:4222',
    port: 4222,
    howto: [
      'docker compose up -d nats',
      'or, with Debian\'s package: sudo apt-get install nats-server && nats-server -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server &',
    ],
  },
  {
    name: 'PostgreSQL',
    url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/depeche',
    port: 5432,
    howto: [
      'docker compose up -d postgres',
      'or, with Debian\'s package: sudo apt-get install postgresql && sudo pg_ctlcluster $(ls /etc/postgresql) main start',
    ],
  },
];

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1500 });
    socket.once('connect', () => (socket.end(), resolve(true)));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(false));
  });
}

let missing = 0;
for (const t of targets) {
  const url = new URL(t.url);
  const host = url.hostname || '127.0.0.1';
  const port = Number(url.port) || t.port;
  if (await reachable(host, port)) continue;
  missing++;
  console.error(`${t.name} is not reachable at ${host}:${port}. Start it with:\n  ${t.howto.join('\n  ')}\n`);
}
process.exit(missing ? 1 : 0);
