import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';

const MEDIA_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.nitf': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.json': 'application/json',
  '.txt': 'text/plain',
};

export const mediaTypeOf = (file: string) => MEDIA_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * The files named, and the files inside the folders named, in a stable order.
 * Links inside folders are not followed, so a folder cannot lead the import
 * outside itself; hidden files are skipped.
 */
export async function documentFiles(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const stats = await lstat(given);
    if (stats.isDirectory()) files.push(...(await walk(given)));
    else if (stats.isFile() || stats.isSymbolicLink()) files.push(given);
  }
  return files;
}

async function walk(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => a.name.localeCompare(b.name));
  const files: string[] = [];
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile()) files.push(full);
  }
  return files;
}
