/**
 * When ← / → or a swipe means "previous / next" (article, day or month). Pure, so the rules are
 * unit-tested; src/elements/archive-step.ts applies them to real events.
 */
export type Step = 'prev' | 'next';

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  defaultPrevented: boolean;
  /** Tag name of the focused element, upper case as the DOM gives it. */
  targetTag: string;
  /** The focused element is editable, or lies in a widget that owns the arrow keys. */
  targetOwnsArrows: boolean;
}

/** Another handler (sentence stepping, search results) or an editable field keeps its arrows. */
export function stepForKey(e: KeyLike): Step | null {
  if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return null;
  if (/^(INPUT|TEXTAREA|SELECT)$/.test(e.targetTag) || e.targetOwnsArrows) return null;
  if (e.key === 'ArrowLeft') return 'prev';
  if (e.key === 'ArrowRight') return 'next';
  return null;
}

/** A swipe: mostly horizontal, long enough, quick. Leftward (finger to the left) goes to the next page, as turning one. */
export function stepForSwipe(dx: number, dy: number, ms: number): Step | null {
  if (ms > 800 || Math.abs(dx) < 60 || Math.abs(dx) < 2 * Math.abs(dy)) return null;
  return dx < 0 ? 'next' : 'prev';
}
