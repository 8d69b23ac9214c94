import type { ServiceName } from '#contracts';

/** What the load generator and the reports need to know about a running system, bare or pipeline. */
export interface Member {
  role: ServiceName;
  pid: number;
}

export interface Topology {
  kind: 'bare' | 'pipeline';
  namespace: string;
  /** Where articles are POSTed. */
  articlesUrl: string;
  headers: Record<string, string>;
  members: Member[];
  /** The stream holding the article events, purged when a phase leaves a backlog behind. */
  eventsStream: string;
  /** From spawning the first process until every one is ready. */
  readyMs: number;
  /** Each process's own time to ready (the slowest one is readyMs). */
  readyMsEach: Partial<Record<ServiceName, number>>;
  /** Stops every process and removes the streams and database of the run. */
  stop(): Promise<void>;
}
