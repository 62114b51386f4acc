// LmTokenizer over a transformers.js tokenizer, and the check that a draft and a target share it.
import type { PreTrainedTokenizer } from '@huggingface/transformers';
import type { LmTokenizer } from './types';

/** Wraps a loaded tokenizer. */
export function wrapTokenizer(tok: PreTrainedTokenizer): LmTokenizer {
  const vocab = tok.get_vocab();
  const byId = new Map<number, string>();
  for (const [piece, id] of vocab) byId.set(id, piece);
  const eos = typeof tok.eos_token_id === 'number' ? tok.eos_token_id : null;
  const pieces = new Map<number, string>();
  return {
    vocabSize: byId.size,
    eos,
    encode: (text) => tok.encode(text, { add_special_tokens: false }),
    decode: (ids) => tok.decode([...ids], { skip_special_tokens: false }),
    piece(id) {
      let p = pieces.get(id);
      if (p === undefined) {
        p = tok.decode([id], { skip_special_tokens: false });
        // SentencePiece decoders drop the word-start space of a lone token; show it.
        if (byId.get(id)?.startsWith('\u2581') && !p.startsWith(' ')) p = ` ${p}`;
        pieces.set(id, p);
      }
      return p;
    },
    chat(prompt) {
      if (!tok.chat_template) return null;
      const ids = tok.apply_chat_template([{ role: 'user', content: prompt }], {
        add_generation_prompt: true,
        tokenize: true,
        return_tensor: false,
        return_dict: false,
      });
      return Array.from(ids as unknown as ArrayLike<number>, Number);
    },
  };
}

/**
 * Why two tokenizers differ, or null when they map every token string to the same id.
 * Speculative decoding compares token ids, so a shared vocabulary is required.
 */
export function vocabularyDifference(draft: PreTrainedTokenizer, target: PreTrainedTokenizer): string | null {
  const a = draft.get_vocab();
  const b = target.get_vocab();
  if (a.size !== b.size) return `the draft's tokenizer has ${a.size} tokens, the target's ${b.size}`;
  for (const [piece, id] of a) {
    const other = b.get(piece);
    if (other !== id)
      return `token ${JSON.stringify(piece)} is id ${id} in the draft's tokenizer but ${other === undefined ? 'missing' : `id ${other}`} in the target's`;
  }
  return null;
}
