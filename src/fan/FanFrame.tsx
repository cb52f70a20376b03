// The fan's hub, its rings' labels and the legend of marks: drawn again only with a new layout
// (a change of the plan the fan does not draw leaves the layout, and these, as they were).
import { memo } from 'react';
import { hub, legend, ringLabels } from './draw';
import { Drawn } from './Drawn';
import type { FanLayout } from './layout';

export const FanFrame = memo(function FanFrame({ layout }: { layout: FanLayout }) {
  return <Drawn of={[hub(layout), ringLabels(layout), legend(layout)]} />;
});
