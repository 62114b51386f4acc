import { memo, useMemo } from 'react';
import { type StepEvent, tokenizerFor } from '../core';
import { tokenText } from '../store/selectors';
import { useStore } from '../store/store';
import type { WorldInfo } from '../worker/protocol';
import { useStickToBottom } from './useStickToBottom';
import { useT } from './useT';
import { usePacedCursor } from './useTrace';

const MARK = { accepted: '✓', rejected: '✗', discarded: '·' } as const;
const KIND = { accepted: '', resampled: '↻', bonus: '★', target: '' } as const;

const Row = memo(function Row({ e, world, text }: { e: StepEvent; world: WorldInfo; text: string }) {
  const sep = world.tokenizer === 'words' ? ' ' : '';
  return (
    <tr>
      <td>{e.index + 1}</td>
      <td>{e.drafted.map((tok) => tokenText(world, tok)).join(sep) || '–'}</td>
      <td className="mono">{e.verdicts.map((v) => MARK[v]).join('') || '–'}</td>
      <td>{e.emitted.map((tok, i) => tokenText(world, tok) + KIND[e.emittedKinds[i]]).join(' ')}</td>
      <td className="log-text">{text}</td>
    </tr>
  );
});

/** Every step so far, as in the notebook's statistics printout. */
export function StepLog() {
  const { t } = useT();
  const world = useStore((s) => s.world);
  const events = useStore((s) => s.events);
  const cursor = usePacedCursor(6);
  const follow = useStickToBottom<HTMLElement>(world ? cursor : 0);
  // Text after each step, built once per trace (the last 40 characters are shown).
  const texts = useMemo(() => {
    if (!world) return [];
    const tk = tokenizerFor(world.tokenizer);
    const out: string[] = [];
    const acc: string[] = world.prompt.map((x) => world.vocab[x]);
    for (const e of events) {
      for (const tok of e.emitted) acc.push(world.vocab[tok]);
      const s = tk.join(acc).replace(/\n/g, ' ¶ ');
      out.push(s.length > 40 ? `…${s.slice(-40)}` : s);
    }
    return out;
  }, [world, events]);
  return (
    <section className="panel" aria-label={t('stepLog')}>
      <h2>{t('stepLog')}</h2>
      {/* Focusable so keyboard users can scroll it (axe scrollable-region-focusable). */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled by keyboard */}
      <section className="log-scroll" tabIndex={0} aria-label={t('stepLog')} ref={follow.ref} onScroll={follow.onScroll}>
        <table className="step-log" data-testid="step-log" data-rows={world ? cursor : 0}>
          <thead>
            <tr>
              <th scope="col">{t('log.step')}</th>
              <th scope="col">{t('log.drafted')}</th>
              <th scope="col">{t('log.verdicts')}</th>
              <th scope="col">{t('log.emitted')}</th>
              <th scope="col" className="log-text-col">
                {t('log.text')}
              </th>
            </tr>
          </thead>
          <tbody>{world && events.slice(0, cursor).map((e, i) => <Row key={e.index} e={e} world={world} text={texts[i]} />)}</tbody>
        </table>
      </section>
    </section>
  );
}
