import type { StepEvent } from '../core';
import type { LookupMatch as LookupInfo } from '../core/proposers/ngramLookup';
import type { SuffixInfo } from '../core/proposers/suffix';
import { tokenText } from '../store/selectors';
import { useStore } from '../store/store';
import type { WorldInfo } from '../worker/protocol';
import { useT } from './useT';

/** Context tokens before this step (prompt + output), as ids. */
function contextBefore(world: WorldInfo, events: readonly StepEvent[], step: number): number[] {
  return [...world.prompt, ...events.slice(0, step).flatMap((e) => e.emitted)];
}

/**
 * For lookup methods: the context around the match, with the matched n-gram (the suffix and its
 * earlier occurrence) and the tokens the proposal copied highlighted.
 */
export function MatchView({ event, step }: { event: StepEvent; step: number }) {
  const { t, num } = useT();
  const world = useStore((s) => s.world);
  const events = useStore((s) => s.events);
  if (!world || !event.info) return null;
  const lookup = event.info.lookup as LookupInfo | null | undefined;
  const suffix = event.info.suffix as SuffixInfo | null | undefined;
  if (lookup === undefined && suffix === undefined) return null;
  const ctx = contextBefore(world, events, step);
  const sep = world.tokenizer === 'words' ? ' ' : '';
  const span = (from: number, to: number, cls?: string) => (
    <span className={cls}>
      {ctx
        .slice(Math.max(0, from), Math.max(0, to))
        .map((x) => tokenText(world, x))
        .join(sep)}
      {sep}
    </span>
  );
  let body: React.ReactNode;
  if (lookup) {
    const copied = lookup.from + event.drafted.length;
    const suffixStart = ctx.length - lookup.n;
    // Two windows: around the earlier occurrence, and the suffix at the end.
    body = (
      <>
        <p className="small">{t('match.ngram', { n: lookup.n })}</p>
        <p className="match-context">
          {lookup.start > 8 && '… '}
          {span(lookup.start - 8, lookup.start)}
          {span(lookup.start, lookup.from, 'hl-match')}
          {span(lookup.from, Math.min(copied, suffixStart), 'hl-copy')}
          {copied < suffixStart - 8 ? ' … ' : null}
          {span(Math.max(copied, suffixStart - 8), suffixStart)}
          {span(suffixStart, ctx.length, 'hl-match')}
        </p>
      </>
    );
  } else if (suffix) {
    body = (
      <>
        <p className="small">{t('match.suffix', { n: suffix.matchLen, source: t(suffix.source === 'local' ? 'match.local' : 'match.global') })}</p>
        <p className="match-context">
          {span(suffix.start - 8, suffix.start)}
          {span(suffix.start, ctx.length, 'hl-match')}
          {event.drafted.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed path
            <span key={i} className="hl-copy">
              {tokenText(world, x)}
              <sub title={t('match.countsTip')}>
                {suffix.counts[i] ? `${suffix.counts[i][0]}/${suffix.counts[i][1]} → ` : ''}
                {num(suffix.probs[i] ?? 0, 2)}
              </sub>
              {sep}
            </span>
          ))}
        </p>
      </>
    );
  } else body = <p className="small muted">{t('match.none')}</p>;
  return (
    <div className="match" data-testid="match-highlight">
      <h3>{t('matchTitle')}</h3>
      {body}
    </div>
  );
}
