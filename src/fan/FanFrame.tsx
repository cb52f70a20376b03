// The fan's hub, its rings' labels and the legend of marks: drawn again only when they change
// (a layout keeps them while the geometry and what they show are the same: src/fan/layout.ts).
import { memo } from 'react';
import { type FrameParts, hub, legend, ringLabels } from './draw';
import { Drawn } from './Drawn';

export const FanFrame = memo(function FanFrame(parts: FrameParts) {
  return <Drawn of={[hub(parts), ringLabels(parts), legend(parts)]} />;
});
