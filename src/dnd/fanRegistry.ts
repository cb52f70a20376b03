// The drawn fan, as the drag code needs it: its layout and the mapping from screen
// (client) coordinates to layout coordinates. FanView registers itself here.
import type { Point } from '../fan/geometry';
import type { FanLayout } from '../fan/layout';

export interface RegisteredFan {
  layout: FanLayout;
  toLocal: (client: Point) => Point;
  toClient: (local: Point) => Point;
}

let current: RegisteredFan | null = null;

export function registerFan(fan: RegisteredFan | null): void {
  current = fan;
}

export function registeredFan(): RegisteredFan | null {
  return current;
}

/** Items of Inspel as drawn, in list order. */
export const inspelItemNodes = () => document.querySelectorAll<HTMLElement>('[data-inspel-item]');

/** Items of Inspel as drawn: id and client rect, in list order. */
export function inspelItemRects(): Array<{ id: string; rect: DOMRect }> {
  return Array.from(inspelItemNodes(), (node) => ({ id: node.dataset.inspelItem!, rect: node.getBoundingClientRect() }));
}
