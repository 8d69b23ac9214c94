import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

export interface BundleFigures {
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  jsGzipBytes: number;
  budgetBytes: number;
}

/** Sizes of what the browser downloads, JavaScript gzipped as a server would send it. */
export function bundleFigures(assets: Array<{ file: string; content: string | Uint8Array }>, budgetKb: number): BundleFigures {
  const files = assets.map(({ file, content }) => {
    const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
    return { file, bytes, gzipBytes: gzipSync(content).byteLength };
  });
  const jsGzipBytes = files.filter((f) => f.file.endsWith('.js')).reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, jsGzipBytes, budgetBytes: budgetKb * 1024 };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the bundle's sizes after each build, writes them beside the build, and fails past the JavaScript budget. */
export function bundleReport({ budgetKb }: { budgetKb: number }): Plugin {
  return {
    name: 'desk-bundle-report',
    apply: 'build',
    writeBundle(options, bundle) {
      const assets = Object.values(bundle).map((item) => ({ file: item.fileName, content: item.type === 'chunk' ? item.code : item.source }));
      const figures = bundleFigures(assets, budgetKb);
      for (const f of figures.files) console.log(`desk: ${f.file.padEnd(36)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzipBytes).padStart(9)}`);
      console.log(`desk: JavaScript ${kb(figures.jsGzipBytes)} gzipped (budget ${kb(figures.budgetBytes)})`);
      const outDir = options.dir ?? '.';
      writeFileSync(path.join(outDir, '..', 'desk-report.json'), JSON.stringify(figures, null, 2));
      if (figures.jsGzipBytes > figures.budgetBytes)
        this.error(`desk JavaScript is ${kb(figures.jsGzipBytes)} gzipped, over the ${kb(figures.budgetBytes)} budget`);
    },
  };
}
