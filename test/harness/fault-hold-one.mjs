// A consumer instance that takes one message and never settles it: the test kills it with SIGKILL.
// Usage: node fault-hold-one.mjs <nats url> <stream> <durable>
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

const [url, stream, durable] = process.argv.slice(2);
const nc = await connect({ servers: url, name: 'hold-one' });
const consumer = await jetstream(nc).consumers.get(stream, durable);
for (;;) {
  const msg = await consumer.next({ expires: 1000 });
  if (msg) {
    process.stdout.write(`held ${msg.seq}\n`);
    break;
  }
}
setInterval(() => undefined, 60_000); // hold it until killed
