import type { PositionDetail, StepEvent, TopEntries } from '../core';
import type { MessageKey } from '../i18n';
import type { Selection } from '../store/runSlice';
import { pieceText } from '../store/selectors';
import { useStore } from '../store/store';
import type { WorldInfo } from '../worker/protocol';
import { useT } from './useT';
import { usePacedCursor } from './useTrace';

/** What the inspector shows for a selection: a verified position's detail, or a note. */
export function resolveSelection(event: StepEvent, sel: Selection): { detail: PositionDetail | null; note: MessageKey | null; position: number } {
  const positions = event.positions ?? [];
  const tree = event.info?.tree as { path: number[] } | undefined;
  if (sel.kind === 'drafted' && tree) {
    // Tree nodes: only the accepted path has verified positions (one per depth).
    const depth = tree.path.indexOf(sel.index);
    if (depth >= 0) return { detail: positions[depth] ?? null, note: null, position: depth };
    return { detail: null, note: event.verdicts[sel.index] === 'rejected' ? 'insp.treeRejected' : 'insp.discarded', position: sel.index };
  }
  if (sel.kind === 'drafted') {
    if (event.verdicts[sel.index] === 'discarded') return { detail: null, note: 'insp.discarded', position: sel.index };
    return { detail: positions[sel.index] ?? null, note: null, position: sel.index };
  }
  const kind = event.emittedKinds[sel.index];
  if (kind === 'bonus') return { detail: positions[positions.length - 1] ?? null, note: 'insp.bonus', position: sel.index };
  if (kind === 'target') return { detail: positions[0] ?? null, note: 'insp.target', position: sel.index };
  return { detail: positions[sel.index] ?? null, note: null, position: sel.index };
}

/** The default selection of a step: its decisive position (the rejection, else the last token). */
export function defaultSelection(event: StepEvent, step: number): Selection {
  // In a tree, verdicts index nodes, not path positions: show the step's last token.
  if (event.info?.tree) return { step, kind: 'emitted', index: event.emitted.length - 1 };
  const rej = event.verdicts.indexOf('rejected');
  return { step, kind: 'emitted', index: rej >= 0 ? rej : event.emitted.length - 1 };
}

function Bars({ p, q, token, world, pLabel }: { p: TopEntries; q: TopEntries; token: number | null; world: WorldInfo; pLabel?: string }) {
  const { t, num } = useT();
  const ids = [...new Set([...p.map(([id]) => id), ...q.map(([id]) => id)])];
  const pOf = new Map(p);
  const qOf = new Map(q);
  ids.sort((a, b) => (pOf.get(b) ?? 0) - (pOf.get(a) ?? 0) || (qOf.get(b) ?? 0) - (qOf.get(a) ?? 0));
  return (
    <table className="bars">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">{pLabel ?? t('insp.p')}</th>
          {q.length > 0 && <th scope="col">{t('insp.q')}</th>}
        </tr>
      </thead>
      <tbody>
        {ids.slice(0, 10).map((id, row) => (
          // Keyed by rank: the next step's rows update in place instead of being rebuilt.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are ranks, not identities
          <tr key={row} className={id === token ? 'bars-token' : undefined}>
            <th scope="row">{pieceText(world, id)}</th>
            <td>
              <span className="bar-cell">
                <span className="bar-track">
                  <span className="bar bar-p" style={{ width: `${(pOf.get(id) ?? 0) * 100}%` }} />
                </span>
                <span className="bar-value">{num(pOf.get(id) ?? 0, 3)}</span>
              </span>
            </td>
            {q.length > 0 && (
              <td>
                <span className="bar-cell">
                  <span className="bar-track">
                    <span className="bar bar-q" style={{ width: `${(qOf.get(id) ?? 0) * 100}%` }} />
                  </span>
                  <span className="bar-value">{qOf.has(id) ? num(qOf.get(id) ?? 0, 3) : '–'}</span>
                </span>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** For the selected chip: p and q as bars, the overlap, the drawn u against p/q, the residual. */
export function Inspector() {
  const { t, num } = useT();
  const world = useStore((s) => s.world);
  const events = useStore((s) => s.events);
  const cursor = usePacedCursor(0);
  const selected = useStore((s) => s.selected);
  const sel = selected ?? (cursor > 0 ? defaultSelection(events[cursor - 1], cursor - 1) : null);
  const event = sel ? events[sel.step] : undefined;
  if (!world || !sel || !event) {
    return (
      <section className="panel inspector" data-testid="inspector" aria-label={t('inspector')}>
        <h2>{t('inspector')}</h2>
        <p className="muted">{t('inspectorHint')}</p>
      </section>
    );
  }
  const { detail, note, position } = resolveSelection(event, sel);
  const tokenId = sel.kind === 'drafted' ? event.drafted[sel.index] : event.emitted[sel.index];
  const argmax = detail?.p[0]?.[0];
  return (
    <section className="panel inspector" data-testid="inspector" aria-label={t('inspector')} data-step={sel.step} data-kind={sel.kind} data-index={sel.index}>
      <h2>{t('inspector')}</h2>
      <p className="insp-where">
        {t('insp.position', { step: sel.step + 1, pos: position + 1 })} · <strong className="insp-token">{pieceText(world, tokenId)}</strong>
      </p>
      {note && <p className="insp-note">{t(note)}</p>}
      {detail && (
        <>
          <Bars p={detail.p} q={detail.q} token={detail.token} world={world} />
          {detail.token !== null && (
            <dl className="insp-facts">
              {!event.greedy && (
                <>
                  <dt>{t('insp.overlap')}</dt>
                  <dd data-testid="insp-overlap">{num(detail.overlap, 3)}</dd>
                </>
              )}
              {/* A dd needs its dt (axe definition-list): greedy steps have no overlap line. */}
              {event.greedy && <dt className="sr-only">{t('log.verdicts')}</dt>}
              {event.greedy ? (
                <dd className="insp-wide">
                  {t('insp.greedy', {
                    token: pieceText(world, detail.token),
                    argmax: argmax === undefined ? '?' : pieceText(world, argmax),
                    verdict: t(argmax === detail.token ? 'insp.match' : 'insp.mismatch'),
                  })}
                </dd>
              ) : detail.u !== null ? (
                <dd className="insp-wide">
                  {t('insp.u', {
                    u: num(detail.u, 3),
                    ratio: num(detail.qToken > 0 ? detail.pToken / detail.qToken : 0, 3),
                    verdict: t(detail.u < detail.pToken / detail.qToken ? 'insp.uAccept' : 'insp.uReject'),
                  })}
                </dd>
              ) : null}
              {detail.qToken === 1 && detail.q.length === 1 && <dd className="insp-wide muted">{t('insp.pointMass')}</dd>}
            </dl>
          )}
          {detail.residual && (
            <>
              <h3>{t('insp.residual')}</h3>
              <Bars p={detail.residual} q={[]} token={sel.kind === 'emitted' ? tokenId : null} world={world} pLabel={t('insp.residualCol')} />
            </>
          )}
        </>
      )}
    </section>
  );
}
