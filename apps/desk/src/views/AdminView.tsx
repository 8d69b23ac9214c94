import type { ApiClient } from '../api';
import { DeadLetters } from '../components/DeadLetters';
import { Subscribers } from '../components/Subscribers';

/** What an admin looks after (admin scope; each API checks it too): events that failed inside, and the subscribers outside. */
export function AdminView({ api }: { api: ApiClient }) {
  return (
    <>
      <DeadLetters api={api} />
      <Subscribers api={api} />
    </>
  );
}
