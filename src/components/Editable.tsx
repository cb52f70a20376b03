// Controls that change the plan, together: disabled while the open plan can only be read here
// (a newer version of Solfjädern wrote it: ./ReadOnlyBanner.tsx says so). What they show stays
// readable, to the eye and to a screen reader; `said` repeats why first (in a dialog, over the banner).
import type { ReactNode } from 'react';
import { useEditor } from '../store/editor';

export function Editable({ children, said = false }: { children: ReactNode; said?: boolean }) {
  const readOnly = useEditor((s) => s.readOnly);
  return (
    <>
      {said && readOnly && <p className="readonly-note">{readOnly}. Här kan planen bara läsas.</p>}
      <fieldset className="editable" disabled={readOnly !== null}>
        {children}
      </fieldset>
    </>
  );
}
