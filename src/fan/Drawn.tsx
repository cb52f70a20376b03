// Renders drawings (draw.ts) with React: the fan view draws the same trees the exports
// serialise, adding interaction around them.
import { createElement, Fragment, type ReactNode } from 'react';
import type { Drawing } from './draw';

function render(node: Drawing, key: number): ReactNode {
  if (typeof node === 'string') return node;
  return createElement(node.tag, { key, ...node.attrs }, ...node.children.map(render));
}

/** Draw one or more drawings in place (no wrapping element). */
export function Drawn({ of }: { of: Drawing | null | ReadonlyArray<Drawing | null> }) {
  const list = (Array.isArray(of) ? of : [of]).filter((d): d is Drawing => d !== null);
  return createElement(Fragment, null, ...list.map(render));
}
