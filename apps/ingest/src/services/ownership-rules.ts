import type { ApiKey } from '#runtime';

/** Who created a story: the key's name, the scope it came in with, and the key's newsroom. */
export interface StoryOwner {
  key: string;
  /** "submit": an editor's story (POST /v1/articles); "wire": agency copy (POST /v1/wire, feeds). */
  scope: 'submit' | 'wire';
  newsroom: string;
}

export const ownerOf = (key: ApiKey, scope: StoryOwner['scope']): StoryOwner => ({ key: key.name, scope, newsroom: key.newsroom });

/**
 * Why `caller` may not change a story `owner` created, or undefined when it may.
 * admin changes anything; agency copy needs the wire scope; an editor's story
 * only its own newsroom. A story with no recorded owner (received before owners
 * were recorded) is left to admin.
 */
export function changeRefusal(owner: StoryOwner | undefined, caller: ApiKey): string | undefined {
  if (caller.scopes.has('admin')) return undefined;
  if (!owner) return 'The story has no recorded owner: only an admin key may change it.';
  if (owner.scope === 'wire')
    return caller.scopes.has('wire')
      ? undefined
      : `The story is agency copy: changing it needs the "wire" scope, which the key "${caller.name}" does not hold.`;
  return caller.newsroom === owner.newsroom
    ? undefined
    : `The story belongs to the newsroom "${owner.newsroom}", not to "${caller.newsroom}" of the key "${caller.name}".`;
}

/**
 * Why `caller` may not submit under the source name `source`, or undefined when it may. A source name is the
 * dedupe namespace of whoever sends under it: an editor's key that could write `source: "afp"` with a guid AFP
 * will send later would get the real item refused. Keys with the wire scope (and admin) take any; an editor's
 * key only its own newsroom's name.
 */
export function sourceRefusal(source: string | undefined, caller: ApiKey): string | undefined {
  if (source === undefined || caller.scopes.has('admin') || caller.scopes.has('wire') || source === caller.newsroom) return undefined;
  return `The source "${source}" is reserved: the key "${caller.name}" may submit under its newsroom "${caller.newsroom}" only.`;
}
