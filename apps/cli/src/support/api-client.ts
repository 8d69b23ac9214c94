/** Calls a Dépêche HTTP API with the operator's key (DEPECHE_API_KEY), returning the parsed answer. */
export async function callApi(baseUrl: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (process.env.DEPECHE_API_KEY) headers.authorization = `Bearer ${process.env.DEPECHE_API_KEY}`;
  const response = await fetch(new URL(path, baseUrl), { ...init, headers });
  return { status: response.status, body: await response.json().catch(() => undefined) };
}

/** The one-line reason of a problem+json answer. */
export function problemText(answer: { status: number; body: any }): string {
  return `HTTP ${answer.status}: ${answer.body?.detail ?? answer.body?.title ?? 'request refused'}`;
}
