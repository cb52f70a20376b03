// Files dragged onto the page from the desktop or an e-mail go to "Samla in": the panel
// opens and every file is taken in. (Dragging items inside the app uses pointer events,
// not the browser's drag and drop, so the two never meet.)
import { useEffect, useState } from 'react';
import { useEditor } from '../store/editor';
import { showSidePanel, useUi } from '../store/ui';

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

export function FileDrop() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e) || useUi.getState().dialog) return;
      depth++;
      setOver(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overPage = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the browser would open the file in place of the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = useUi.getState().dialog ? 'none' : 'copy';
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const planId = useEditor.getState().doc?.plan.id;
      const files = [...(e.dataTransfer?.files ?? [])];
      if (!planId || files.length === 0 || useUi.getState().dialog) return;
      showSidePanel('collect');
      void import('../store/collection').then(async (m) => {
        await m.loadCollection(planId);
        await m.takeInFiles(files);
      });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overPage);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overPage);
      window.removeEventListener('drop', drop);
    };
  }, []);
  return over ? (
    <div className="file-drop" aria-hidden="true">
      <p>Släpp filerna för att samla in dem</p>
    </div>
  ) : null;
}
