import { type ReactNode, useEffect, useState } from 'react';

/**
 * Mounts its children `frames` animation frames after it mounts. The page's lower parts (the
 * inspector row, the step log, the tools) come in this way one frame after another, so the first
 * render, style and layout of the page are not one long task on a slow device: the transport and
 * the token stage show first.
 */
export function Later({ frames, children }: { frames: number; children: ReactNode }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (typeof requestAnimationFrame !== 'function') {
      setShown(true);
      return;
    }
    let left = frames;
    let id = 0;
    const tick = () => {
      left -= 1;
      if (left <= 0) setShown(true);
      else id = requestAnimationFrame(tick);
    };
    id = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(id);
  }, [frames]);
  return shown ? children : null;
}
