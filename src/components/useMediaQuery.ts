// Whether the page matches a CSS media query, following changes (a rotated tablet, a resized window).
import { useEffect, useState } from 'react';

/** A phone: narrower than this, the fan cannot be used well by dragging and is read-only (Tabell edits). */
export const PHONE = '(max-width: 599px)';

export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    list.addEventListener('change', update);
    update();
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
