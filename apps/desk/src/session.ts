/** The key lives in this tab's session storage only: never a cookie, never the URL, gone with the tab. */
const KEY = 'depeche.desk.apiKey';

export const session = {
  load: (): string | null => sessionStorage.getItem(KEY),
  save: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};

export interface Whoami {
  name: string;
  scopes: string[];
  grants: string[];
}

export const may = (who: Whoami | null, scope: string): boolean => !!who?.grants.includes(scope);
