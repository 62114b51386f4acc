import { useRef, useState } from 'react';
import { useStore } from '../store/store';
import { Field } from './Field';
import { useT } from './useT';

/** Pasted text longer than this is kept out of the text box (laying it out would freeze). */
const INLINE_LIMIT = 20000;

/**
 * Paste or load a corpus. Large pastes are intercepted and kept in memory (the box shows a
 * summary), so a 5 MB text never has to be laid out by the browser; a .txt file loads likewise.
 */
export function CorpusInput() {
  const { t, num } = useT();
  const setCustomCorpus = useStore((s) => s.setCustomCorpus);
  const box = useRef<HTMLTextAreaElement>(null);
  const [held, setHeld] = useState<string | null>(null);
  const hold = (text: string) => {
    setHeld(text);
    if (box.current) box.current.value = '';
  };
  return (
    <Field label={t('param.customCorpus')} tip={t('param.customCorpus.tip')} htmlFor="ctl-custom">
      <textarea
        id="ctl-custom"
        data-testid="param-custom-corpus"
        rows={4}
        ref={box}
        placeholder={held === null ? undefined : t('corpus.held', { n: num(held.length, 0) })}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text/plain');
          if (text.length > INLINE_LIMIT) {
            e.preventDefault();
            hold(text);
          }
        }}
        onInput={() => setHeld(null)}
      />
      {held !== null && (
        <span className="small muted" data-testid="corpus-held">
          {t('corpus.held', { n: num(held.length, 0) })}
        </span>
      )}
      <input
        type="file"
        accept=".txt,text/plain"
        aria-label={t('corpus.file')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void f.text().then(hold);
        }}
      />
      <button type="button" data-testid="btn-use-corpus" onClick={() => setCustomCorpus(held ?? box.current?.value ?? '')}>
        {t('useCorpus')}
      </button>
    </Field>
  );
}
