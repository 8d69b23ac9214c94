/** Typed reads from a parsed ninjs document, which validation has vouched for. */
export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * 1.x and 2.x spell properties in lowercase ("versioncreated"), 3.x in camelCase
 * ("versionCreated"): read whichever the document uses.
 */
export function prop(doc: Json, lower: string, camel = lower): unknown {
  return doc[camel] ?? doc[lower];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

export function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** 2.x/3.x text blocks ({ role, contenttype|contentType, value }). */
export interface TextBlock {
  role?: string;
  contentType?: string;
  value: string;
}

export function textBlocks(value: unknown): TextBlock[] {
  return objects(value).flatMap((block) => {
    const text = str(block.value);
    if (!text) return [];
    return [{ role: str(block.role), contentType: str(prop(block, 'contenttype', 'contentType')), value: text }];
  });
}

/** The block with one of the roles, else the first without a role, else the first. */
export function pickBlock(blocks: TextBlock[], roles: string[]): TextBlock | undefined {
  return blocks.find((b) => b.role && roles.includes(b.role)) ?? blocks.find((b) => !b.role) ?? blocks[0];
}
