import { describe, expect, test } from 'vitest';
import { makeRng } from '../../src/core/rng';
import { charTokenizer, wordTokenizer } from '../../src/core/tokenizer';

/** The rule as written before the join was made linear: a space before a word unless the text is
 * empty or ends with a newline. */
function reference(tokens: readonly string[]): string {
  let s = '';
  for (const t of tokens) s += t === '\n' ? '\n' : s === '' || s.endsWith('\n') ? t : ` ${t}`;
  return s;
}

describe('tokenizers', () => {
  test('wordTokenizer.join - known answers', () => {
    expect(wordTokenizer.join(['the', 'draft', '\n', 'model'])).toBe('the draft\nmodel');
    expect(wordTokenizer.join([])).toBe('');
    expect(wordTokenizer.join(['\n', 'a'])).toBe('\na');
  });
  test('wordTokenizer.join - the reference rule on random token lists (empty tokens and newlines included)', () => {
    const rng = makeRng('join');
    const alphabet = ['', '\n', 'a', 'b\n', ' ', 'cd'];
    for (let i = 0; i < 5000; i++) {
      const tokens = Array.from({ length: Math.floor(rng.next() * 9) }, () => alphabet[Math.floor(rng.next() * alphabet.length)]);
      expect(wordTokenizer.join(tokens), JSON.stringify(tokens)).toBe(reference(tokens));
    }
  });
  test('wordTokenizer - split then join gives the text with whitespace runs collapsed', () => {
    expect(wordTokenizer.join(wordTokenizer.split('one  two\nthree\n\nfour'))).toBe('one two three\nfour');
    expect(charTokenizer.join(charTokenizer.split('投机 推理'))).toBe('投机 推理');
  });
});
