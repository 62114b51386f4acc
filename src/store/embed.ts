import { useStore } from './store';
import { readHash } from './sync';

/** Commands a host page may send to an embedded specplay (everything else is ignored). */
export type HostCommand =
  | { type: 'specplay:play' }
  | { type: 'specplay:pause' }
  | { type: 'specplay:step' }
  | { type: 'specplay:reset' }
  | { type: 'specplay:set'; hash: string };

/** Checks a message's shape: only documented commands with the right fields pass. */
export function parseHostCommand(data: unknown): HostCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  if (typeof d.type !== 'string') return null;
  switch (d.type) {
    case 'specplay:play':
    case 'specplay:pause':
    case 'specplay:step':
    case 'specplay:reset':
      return { type: d.type };
    case 'specplay:set':
      return typeof d.hash === 'string' && d.hash.length <= 4000 ? { type: d.type, hash: d.hash } : null;
    default:
      return null;
  }
}

/**
 * In an iframe: tells the parent the page's height (postMessage specplay:height), obeys the
 * documented commands, and with autoplay=1 plays while the frame is visible.
 */
export function startEmbed(win: Window): () => void {
  const stops: (() => void)[] = [];
  const inFrame = win.parent !== win;
  if (inFrame) {
    let last = -1;
    const report = () => {
      const height = Math.ceil(win.document.documentElement.scrollHeight);
      if (height !== last) {
        last = height;
        win.parent.postMessage({ type: 'specplay:height', height }, '*');
      }
    };
    const ro = new ResizeObserver(report);
    ro.observe(win.document.body);
    report();
    stops.push(() => ro.disconnect());
  }
  const onMessage = (e: MessageEvent) => {
    // Only from the page that embeds us; only documented commands.
    if (e.source !== win.parent || e.source === win) return;
    const cmd = parseHostCommand(e.data);
    if (!cmd) return;
    const s = useStore.getState();
    if (cmd.type === 'specplay:play') s.play();
    else if (cmd.type === 'specplay:pause') s.pause();
    else if (cmd.type === 'specplay:step') s.stepForward();
    else if (cmd.type === 'specplay:reset') s.reset();
    else readHash(cmd.hash, win.navigator.languages ?? []);
  };
  win.addEventListener('message', onMessage);
  stops.push(() => win.removeEventListener('message', onMessage));
  if (useStore.getState().autoplay && typeof IntersectionObserver !== 'undefined') {
    const io = new IntersectionObserver((entries) => {
      const visible = entries.some((en) => en.isIntersecting);
      const s = useStore.getState();
      if (visible && !s.playing) s.play();
      else if (!visible && s.playing) s.pause();
    });
    io.observe(win.document.body);
    stops.push(() => io.disconnect());
  }
  return () => {
    for (const stop of stops) stop();
  };
}
