/**
 * A burst of editor articles on POST /v1/articles with bounded concurrency and
 * a steady pace, so a fault injected a third of the way in really lands in the
 * middle of the traffic. An article is accepted once ingest answers 202; a
 * failed POST (5xx, refused connection, timeout) is sent again with the same
 * source + externalId, which ingest treats as the same article.
 */

export interface BurstOptions {
  ingestUrl: string;
  count: number;
  /** Requests in flight at most. */
  concurrency: number;
  /** Articles started per second at most. */
  ratePerSecond: number;
  /** `source` of every article: one per scenario. */
  source: string;
  apiKey?: string;
  /** Called once when `at` articles have been started (the fault). Not awaited by the burst. */
  trigger?: { at: number; run: () => Promise<void> };
  /** Attempts per article before it counts as refused. */
  maxAttempts?: number;
}

export interface BurstResult {
  /** externalId → article id, for every article answered with 202. */
  accepted: Map<string, string>;
  /** 202s whose receipt said `duplicate`: the retry of an attempt ingest had already taken in. */
  duplicateReceipts: number;
  /** Attempts that failed (5xx, refused, timed out) and were retried. */
  failedAttempts: number;
  /** Articles never accepted after every attempt. */
  refused: number;
  /** The status/error of the failed attempts, counted. */
  failures: Map<string, number>;
  sendMs: number;
  /** Resolves when the triggered fault has run to its end. */
  fault: Promise<void>;
}

const PARAGRAPHS = {
  fr: [
    'Le gouvernement a présenté mardi à Paris un plan de 14 milliards de dollars pour moderniser le réseau ferroviaire, a annoncé la ministre des Transports.',
    'Selon la Banque de France, la croissance devrait ralentir au troisième trimestre, tandis que l’inflation reculerait à 2,1 % en moyenne sur l’année.',
    'À Marseille, les syndicats ont appelé à une nouvelle journée de grève jeudi, après l’échec des négociations avec la direction du port.',
    'Le Parlement européen a adopté à Strasbourg un texte sur l’intelligence artificielle, salué par Bruxelles mais critiqué par plusieurs ONG.',
  ],
  en: [
    'The central bank in London held interest rates at 4.5 per cent on Thursday, citing stubborn services inflation and a weaker pound.',
    'Shares in the carmaker rose 6 per cent in New York after it reported record deliveries and a $2 billion buyback programme.',
    'Flooding in northern Italy forced the evacuation of thousands of residents as rivers burst their banks after days of heavy rain.',
    'NATO ministers meeting in Brussels agreed to increase support for air defence, the alliance’s secretary general told reporters.',
  ],
};
const SECTIONS = ['Économie', 'Politique', 'Monde', 'Sport', 'Culture'];

/** The i-th article of a burst: French or English, a few paragraphs, a unique headline. */
export function burstArticle(source: string, index: number): Record<string, string> {
  const language = index % 2 === 0 ? 'fr' : 'en';
  const paragraphs = PARAGRAPHS[language];
  const body = [0, 1, 2].map((k) => paragraphs[(index + k) % paragraphs.length]).join('\n');
  const headline = language === 'fr' ? `Dépêche n° ${index} : la journée en bref` : `Dispatch no. ${index}: the day in brief`;
  return { headline, body, section: SECTIONS[index % SECTIONS.length]!, language, source, externalId: `burst-${index}` };
}

export async function sendBurst(options: BurstOptions): Promise<BurstResult> {
  const maxAttempts = options.maxAttempts ?? 40;
  const accepted = new Map<string, string>();
  const failures = new Map<string, number>();
  let duplicateReceipts = 0;
  let failedAttempts = 0;
  let refused = 0;
  let fault: Promise<void> = Promise.resolve();
  const started = Date.now();
  let next = 0;

  const post = async (article: Record<string, string>): Promise<{ status: number; body: { id?: string; status?: string } }> => {
    const response = await fetch(`${options.ingestUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}) },
      body: JSON.stringify(article),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let body: { id?: string; status?: string } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // not JSON
    }
    return { status: response.status, body };
  };

  const sendOne = async (index: number): Promise<void> => {
    const article = burstArticle(options.source, index);
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      let reason: string;
      try {
        const { status, body } = await post(article);
        if (status === 202 && body.id) {
          accepted.set(article.externalId!, body.id);
          if (body.status === 'duplicate') duplicateReceipts++;
          return;
        }
        if (status >= 400 && status < 500 && status !== 408 && status !== 429) {
          throw new Error(`article ${index} refused with ${status}: ${JSON.stringify(body)}`);
        }
        reason = String(status);
      } catch (error) {
        if ((error as Error).message.startsWith(`article ${index} refused`)) throw error;
        reason = (error as Error).name === 'TimeoutError' ? 'timeout' : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name);
      }
      failedAttempts++;
      failures.set(reason, (failures.get(reason) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 200 * attempt)));
    }
    refused++;
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      const index = next++;
      if (index >= options.count) return;
      const due = started + (index * 1000) / options.ratePerSecond;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (options.trigger && index === options.trigger.at) {
        fault = options.trigger.run();
        fault.catch(() => undefined); // awaited by the caller; not an unhandled rejection meanwhile
      }
      await sendOne(index);
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { accepted, duplicateReceipts, failedAttempts, refused, failures, sendMs: Date.now() - started, fault };
}
