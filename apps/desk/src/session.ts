import type { operations } from './generated/ingest-api';

/** The key lives in this tab's session storage only: never a cookie, never the URL, gone with the tab. */
const KEY = 'depeche.desk.apiKey';

export const session = {
  load: (): string | null => sessionStorage.getItem(KEY),
  save: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};

/** Who is signed in, as GET /v1/whoami says (generated from the ingest API's OpenAPI document). */
export type Whoami = operations['WhoamiController_whoami']['responses'][200]['content']['application/json'];

export const may = (who: Whoami | null, scope: string): boolean => !!who?.grants.includes(scope);
