import { lazy, memo, Suspense, useEffect, useState } from 'react';
import type { StepEvent } from '../core';
import { SPEEDS } from '../store/runSlice';
import { textAt, tokenText } from '../store/selectors';
import { useStore } from '../store/store';
import type { WorldInfo } from '../worker/protocol';
import type { ChipState } from './chipStates';
import { MatchView } from './MatchView';
import { TokenChip } from './TokenChip';
import { usePrefersReducedMotion } from './usePrefersReducedMotion';
import { useStickToBottom } from './useStickToBottom';
import { useT } from './useT';

const TreeView = lazy(() => import('./TreeView'));

/** Seconds between drafted chips sliding in, and the pause before the verdicts land. */
const STAGGER_S = 0.12;

/** The emitted chips of one past step (memoised: only new steps render). */
const StepText = memo(function StepText({ event, step, world, selected }: { event: StepEvent; step: number; world: WorldInfo; selected: number | null }) {
  const select = useStore((s) => s.select);
  return (
    <>
      {event.emitted.map((tok, j) => (
        <TokenChip
          // biome-ignore lint/suspicious/noArrayIndexKey: a step's emitted tokens never reorder
          key={j}
          token={world.vocab[tok]}
          state={event.emittedKinds[j] as ChipState}
          kind="text"
          greedy={event.greedy}
          selected={selected === j}
          onSelect={() => select({ step, kind: 'emitted', index: j })}
        />
      ))}
    </>
  );
});

/** The current step: drafted chips slide in, then the verdicts land; then what was emitted. */
function CurrentStep({ event, step, world, animate }: { event: StepEvent; step: number; world: WorldInfo; animate: boolean }) {
  const { t } = useT();
  const selected = useStore((s) => s.selected);
  const select = useStore((s) => s.select);
  const [revealed, setRevealed] = useState(!animate);
  useEffect(() => {
    if (!animate) return;
    const id = setTimeout(() => setRevealed(true), (event.drafted.length * STAGGER_S + 0.2) * 1000);
    return () => clearTimeout(id);
  }, [animate, event]);
  const firstExtra = event.verdicts.filter((v) => v === 'accepted').length;
  const isTree = event.info?.tree !== undefined;
  return (
    <div className="current-step" data-testid="current-step" data-revealed={revealed}>
      {isTree && revealed && (
        <Suspense fallback={<p className="muted">{t('loading')}</p>}>
          <TreeView event={event} step={step} />
        </Suspense>
      )}
      <div className="row" hidden={isTree && revealed}>
        <span className="row-label">{t('draftedLabel')}</span>
        <div className="chips">
          {event.drafted.length === 0 && <span className="muted">–</span>}
          {event.drafted.map((tok, i) => (
            <TokenChip
              // biome-ignore lint/suspicious/noArrayIndexKey: positions are fixed within a step
              key={i}
              token={world.vocab[tok]}
              state={revealed ? event.verdicts[i] : 'draft'}
              kind="draft"
              enterDelay={animate ? i * STAGGER_S : null}
              selected={selected?.step === step && selected.kind === 'drafted' && selected.index === i}
              onSelect={() => select({ step, kind: 'drafted', index: i })}
            />
          ))}
        </div>
      </div>
      <div className="row">
        <span className="row-label">{t('emittedLabel')}</span>
        <div className="chips">
          {revealed &&
            event.emitted.slice(firstExtra).map((tok, j) => (
              <TokenChip
                // biome-ignore lint/suspicious/noArrayIndexKey: one or two tokens, fixed order
                key={j}
                token={world.vocab[tok]}
                state={event.emittedKinds[firstExtra + j] as ChipState}
                kind="text"
                greedy={event.greedy}
                enterDelay={animate ? 0 : null}
                selected={selected?.step === step && selected.kind === 'emitted' && selected.index === firstExtra + j}
                onSelect={() => select({ step, kind: 'emitted', index: firstExtra + j })}
              />
            ))}
          {revealed && event.finished && <span className="muted">{t('finished')}</span>}
        </div>
      </div>
      {revealed && <MatchView event={event} step={step} />}
    </div>
  );
}

/** The emitted text so far as chips, and below it the current step. */
export function TokenStage() {
  const { t } = useT();
  const world = useStore((s) => s.world);
  const events = useStore((s) => s.events);
  const cursor = useStore((s) => s.cursor);
  const selected = useStore((s) => s.selected);
  const playing = useStore((s) => s.playing);
  const speed = SPEEDS[useStore((s) => s.speedIndex)];
  const reduced = usePrefersReducedMotion();
  // Motion only when a step stays on screen long enough to watch it.
  const animate = !reduced && (!playing || speed <= 4);
  const shown = events.slice(0, cursor);
  const prompt = world ? world.prompt.map((tok) => tokenText(world, tok)) : [];
  const sep = world?.tokenizer === 'words' ? ' ' : '';
  // The newest tokens stay in view as the text grows past the box (unless the reader scrolled up).
  const follow = useStickToBottom<HTMLDivElement>(cursor);
  return (
    <section className="panel stage" aria-label={t('textSoFar')}>
      <h2>{t('textSoFar')}</h2>
      <div className="text-row" ref={follow.ref} onScroll={follow.onScroll} data-testid="text-so-far">
        {prompt.length > 0 && <span className="prompt">{prompt.join(sep)}</span>}
        <div className={`chips${sep ? ' chips-words' : ''}`} data-testid="accepted-text" data-text={textAt(world, events, cursor)}>
          {world &&
            shown.map((e, s) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are append-only
              <StepText key={s} event={e} step={s} world={world} selected={selected?.step === s && selected.kind === 'emitted' ? selected.index : null} />
            ))}
        </div>
      </div>
      <h2>{t('currentStep')}</h2>
      {world && cursor > 0 ? (
        // A new step remounts the view only when it animates (the chips slide in again); without
        // motion the same chips update in place, which is far less DOM work per step.
        <CurrentStep key={animate ? cursor : -1} event={events[cursor - 1]} step={cursor - 1} world={world} animate={animate} />
      ) : (
        <p className="muted">{t('noStepYet')}</p>
      )}
    </section>
  );
}
