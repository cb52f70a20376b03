// Helpers for component tests: a fresh store per test and user-level actions.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createExampleDoc } from '../src/domain/plan';
import type { PlanDoc } from '../src/domain/types';
import { loadDoc, undo, useEditor } from '../src/store/editor';
import { closeDialog } from '../src/store/ui';

export function resetStore(doc: PlanDoc = createExampleDoc()): PlanDoc {
  loadDoc(doc);
  useEditor.setState({ notice: null });
  closeDialog();
  return doc;
}

export function setup(ui: ReactElement) {
  const user = userEvent.setup();
  const view = render(ui);
  return {
    user,
    view,
    ui: {
      pressUndo: () => user.keyboard('{Control>}z{/Control}'),
      undo,
      notice: () => useEditor.getState().notice,
      doc: () => useEditor.getState().doc!,
      button: (name: string | RegExp) => screen.getByRole('button', { name }),
    },
  };
}
