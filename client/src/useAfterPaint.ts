import { useEffect, useState } from 'react';

/** Without a frame (a tab in the background paints none) the wait ends after this long. */
const NO_FRAME_MS = 100;

/**
 * True from the first frame after `ready` became true: what can wait is rendered after the
 * browser painted what cannot, in a render of its own. Stays true.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let afterFrame = 0;
    const frame = requestAnimationFrame(() => {
      afterFrame = window.setTimeout(() => setPainted(true), 0);
    });
    const fallback = window.setTimeout(() => setPainted(true), NO_FRAME_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(afterFrame);
      clearTimeout(fallback);
    };
  }, [ready, painted]);
  return painted;
}
