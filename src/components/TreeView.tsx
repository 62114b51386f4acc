import type { StepEvent } from '../core';
import { useStore } from '../store/store';
import type { ChipState } from './chipStates';
import { TokenChip } from './TokenChip';
import { useT } from './useT';

interface TreeInfo {
  parents: number[];
  path: number[];
  values: number[];
}

/** The step's token tree: nodes as chips, the accepted path lit, rejected branches fading. */
export default function TreeView({ event, step }: { event: StepEvent; step: number }) {
  const { t, num } = useT();
  const world = useStore((s) => s.world);
  const select = useStore((s) => s.select);
  const tree = event.info?.tree as TreeInfo | undefined;
  if (!world || !tree) return null;
  const kids = (parent: number) => tree.parents.map((p, i) => (p === parent ? i : -1)).filter((i) => i >= 0);
  const onPath = new Set(tree.path);
  const render = (parent: number, depth: number): React.ReactNode => {
    const list = kids(parent);
    if (list.length === 0) return null;
    return (
      <ul className={depth === 0 ? 'tree tree-root' : 'tree'}>
        {list.map((i) => (
          <li key={i} className={onPath.has(i) ? 'tree-on' : event.verdicts[i] === 'rejected' ? 'tree-rejected' : 'tree-off'}>
            <TokenChip
              token={world.vocab[event.drafted[i]]}
              state={event.verdicts[i] as ChipState}
              kind="draft"
              onSelect={() => select({ step, kind: 'drafted', index: i })}
            />
            <span className="tree-value">{num(tree.values[i], 2)}</span>
            {render(i, depth + 1)}
          </li>
        ))}
      </ul>
    );
  };
  return (
    <div className="tree-view" data-testid="tree-view">
      <h3>{t('treeTitle')}</h3>
      <p className="small muted">{t('tree.hint')}</p>
      {render(-1, 0)}
    </div>
  );
}
