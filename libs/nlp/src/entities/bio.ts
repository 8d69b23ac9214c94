// BIO files (token<TAB>tag or token<space>tag, blank line between sentences, -DOCSTART- between
// documents) turned into plain text with typed character spans, as the tagger sees news copy.

export interface BioSpan {
  start: number;
  end: number;
  type: string;
}

export interface BioSentence {
  /** Offset of the sentence in the document text. */
  start: number;
  end: number;
  tokens: string[];
}

export interface BioDocument {
  id: string;
  text: string;
  sentences: BioSentence[];
  spans: BioSpan[];
}

// Elided articles and clitics glue to the next word ("d'" + "OpenAI"), possessives and
// contractions to the previous one ("Altman" + "'s"), as they are written in running text.
const GLUES_NEXT = /^(?:[lLdDjJnNsScCmMtT]|[qQ]u|[jJ]usqu|[lL]orsqu|[pP]uisqu)['’]$/u;
const GLUES_PREVIOUS = /^(?:['’]\p{L}{1,2}|n['’]t|[.,;:!?)\]}%»”]+)$/u;
const OPENS = /^[([{«“]$/u;

function splitLine(line: string): [string, string] {
  const tab = line.lastIndexOf('\t');
  const cut = tab >= 0 ? tab : line.lastIndexOf(' ');
  return [line.slice(0, cut).replace(/_/g, ' '), line.slice(cut + 1).trim()];
}

class DocumentBuilder {
  text = '';
  readonly sentences: BioSentence[] = [];
  readonly spans: BioSpan[] = [];
  private open: BioSpan | undefined;
  private sentence: BioSentence | undefined;
  private glue = true;

  constructor(readonly id: string) {}

  token(token: string, tag: string): void {
    if (!this.sentence) {
      if (this.text) this.text += '\n';
      this.sentence = { start: this.text.length, end: this.text.length, tokens: [] };
      this.glue = true;
    }
    if (!this.glue && !GLUES_PREVIOUS.test(token)) this.text += ' ';
    const start = this.text.length;
    this.text += token;
    this.glue = GLUES_NEXT.test(token) || OPENS.test(token);
    this.sentence.tokens.push(token);
    this.sentence.end = this.text.length;
    this.tag(tag, start);
  }

  private tag(tag: string, start: number): void {
    const [bio, type] = tag.split('-') as [string, string | undefined];
    if (bio === 'I' && this.open && this.open.type === type) {
      this.open.end = this.text.length;
      return;
    }
    this.close();
    if (bio === 'B' || bio === 'I') this.open = { start, end: this.text.length, type: type ?? 'MISC' };
  }

  close(): void {
    if (this.open) this.spans.push(this.open);
    this.open = undefined;
  }

  endSentence(): void {
    this.close();
    if (this.sentence) this.sentences.push(this.sentence);
    this.sentence = undefined;
  }
}

/** Documents of a BIO file; `name` prefixes the document ids. */
export function parseBio(content: string, name: string): BioDocument[] {
  const docs: BioDocument[] = [];
  let doc: DocumentBuilder | undefined;
  const finish = (): void => {
    doc?.endSentence();
    if (doc?.sentences.length) docs.push({ id: doc.id, text: doc.text, sentences: doc.sentences, spans: doc.spans });
  };
  for (const raw of content.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('-DOCSTART-')) {
      finish();
      doc = new DocumentBuilder(`${name}#${docs.length}`);
      continue;
    }
    if (line.startsWith('# doc ')) {
      if (doc && !doc.text) doc = new DocumentBuilder(`${name}#${line.slice(6).trim()}`);
      continue;
    }
    doc ??= new DocumentBuilder(`${name}#${docs.length}`);
    if (!line.trim()) doc.endSentence();
    else doc.token(...splitLine(line));
  }
  finish();
  return docs;
}
