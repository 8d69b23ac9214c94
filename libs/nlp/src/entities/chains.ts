import { CONNECTORS } from './cues.js';
import { adjacent } from './tokenize.js';
import type { Token } from './types.js';

/** A maximal run of capitalised words, possibly joined by particles: tokens [from, to). */
export interface Chain {
  from: number;
  to: number;
}

// "Banque de la République", "Côte d'Azur": at most two particles between capitalised words.
const MAX_CONNECTORS = 2;

const isConnector = (t: Token): boolean => CONNECTORS.has(t.lower);

/** How many particle tokens at i lead to a capitalised word, or 0. */
function connectorRun(source: string, tokens: readonly Token[], i: number): number {
  let k = 0;
  while (k < MAX_CONNECTORS && tokens[i + k] && isConnector(tokens[i + k]!) && !tokens[i + k]!.cap) {
    const next = tokens[i + k + 1];
    if (!next || !adjacent(source, tokens[i + k]!, next)) return 0;
    k++;
    if (next.cap) return k;
  }
  return 0;
}

function chainEnd(source: string, tokens: readonly Token[], from: number, taken: ReadonlySet<number>): number {
  let end = from + 1;
  while (end < tokens.length && !taken.has(end) && adjacent(source, tokens[end - 1]!, tokens[end]!)) {
    if (tokens[end]!.cap) {
      end++;
      continue;
    }
    const k = connectorRun(source, tokens, end);
    if (k === 0) break;
    end += k + 1;
  }
  return end;
}

/** Capitalised chains in text order, outside the `taken` tokens already matched. */
export function findChains(source: string, tokens: readonly Token[], taken: ReadonlySet<number> = new Set()): Chain[] {
  const chains: Chain[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!tokens[i]!.cap || taken.has(i)) {
      i++;
      continue;
    }
    const end = chainEnd(source, tokens, i, taken);
    chains.push({ from: i, to: end });
    i = end;
  }
  return chains;
}
