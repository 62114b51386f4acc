import type { TokenId, Tokenizer, Vocab } from './types';

/** The token that stands for a paragraph break in the built-in corpora. */
export const PARAGRAPH = '\n';

/** One token per Unicode character (works for Chinese); whitespace runs become one space. */
export const charTokenizer: Tokenizer = {
  kind: 'chars',
  split: (text) => paragraphs(text).flatMap((p, i) => (i > 0 ? [PARAGRAPH, ...Array.from(p)] : Array.from(p))),
  join: (tokens) => tokens.join(''),
};

/** Whitespace-separated words (the seed corpus is pre-split); blank lines become PARAGRAPH. */
export const wordTokenizer: Tokenizer = {
  kind: 'words',
  split: (text) => paragraphs(text).flatMap((p, i) => (i > 0 ? [PARAGRAPH, ...words(p)] : words(p))),
  // A space between words, none at the start of the text or of a line. The pieces are joined
  // once and the text's last character tracked: s.endsWith on a string built by += flattens it
  // each time, O(n) per token, and the page joins the whole text on every frame of a play.
  join: (tokens) => {
    const pieces: string[] = [];
    let last = ''; // the text's last character ('' while it is empty)
    for (const t of tokens) {
      const piece = t === PARAGRAPH ? '\n' : last === '' || last === '\n' ? t : ` ${t}`;
      pieces.push(piece);
      if (piece !== '') last = piece[piece.length - 1];
    }
    return pieces.join('');
  },
};

function words(p: string): string[] {
  return p.split(/\s+/).filter((w) => w !== '');
}

/** Splits on blank lines; inside a paragraph, whitespace runs collapse to one space. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p !== '');
}

/** A growable vocabulary: ids in order of first appearance. */
export class VocabBuilder implements Vocab {
  readonly tokens: string[] = [];
  readonly ids = new Map<string, TokenId>();

  /** The id of `token`, adding it if new. */
  add(token: string): TokenId {
    let id = this.ids.get(token);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokens.push(token);
      this.ids.set(token, id);
    }
    return id;
  }

  addAll(tokens: readonly string[]): TokenId[] {
    return tokens.map((t) => this.add(t));
  }
}

/** The tokeniser of a kind (what a page knows of a world's tokeniser). */
export function tokenizerFor(kind: Tokenizer['kind']): Tokenizer {
  return kind === 'chars' ? charTokenizer : wordTokenizer;
}
