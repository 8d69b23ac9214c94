import { getLIDModel } from 'fasttext.wasm.js';

export interface DetectedLanguage {
  /** ISO 639-1 where one exists (lid.176 labels are Wikipedia codes, mostly 639-1), else the raw label. */
  code: string;
  confidence: number;
}

export interface LanguageDetector {
  detect(text: string): DetectedLanguage | undefined;
}

/** fastText's cost grows with length; the headline and lead decide the language well before 300 chars. */
const MAX_CHARS = 300;
/** Wikipedia codes in lid.176 that are not ISO 639-1. */
const WP_TO_ISO: Record<string, string> = { 'zh-yue': 'zh', als: 'de', nds: 'de', sh: 'hr', bh: 'hi' };

interface Prediction {
  size(): number;
  get(i: number): [number, string];
}
interface LidModel {
  predict(text: string, k: number, threshold: number): Prediction;
}

function toIso(label: string): string {
  const raw = label.replace('__label__', '');
  return WP_TO_ISO[raw] ?? raw;
}

/**
 * Loads fastText lid.176 (bundled in node_modules, read from disk: no network) once.
 * After loading, the wasm model predicts synchronously, so detect() is sync.
 */
export async function createLanguageDetector(): Promise<LanguageDetector> {
  const lid = await getLIDModel();
  const model = (await lid.load()) as unknown as LidModel;
  return {
    detect(text: string): DetectedLanguage | undefined {
      // fastText reads one line: newlines would end the input early.
      const input = text.slice(0, MAX_CHARS).replace(/\s+/g, ' ').trim();
      if (!input) return undefined;
      const best = model.predict(input, 1, 0);
      if (best.size() === 0) return undefined;
      const [probability, label] = best.get(0);
      return { code: toIso(label), confidence: Math.min(1, Math.max(0, probability)) };
    },
  };
}
