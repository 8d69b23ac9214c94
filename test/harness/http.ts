import { AUTH, type TestPipeline } from './pipeline.js';

export interface HttpResult {
  status: number;
  body: any;
  text: string;
  contentType: string | null;
}

/** Any method on any service of the pipeline; the body is parsed when it is JSON. */
export async function request(pipeline: TestPipeline, service: 'ingest' | 'publishing', method: string, path: string, body?: unknown): Promise<HttpResult> {
  const response = await fetch(pipeline.url(service, path), {
    method,
    headers: { ...AUTH, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type');
  const json = /json/.test(contentType ?? '') && text ? JSON.parse(text) : undefined;
  return { status: response.status, body: json, text, contentType };
}
