// On a first visit the app opens the built-in example: one quiet line says so, and how to
// start one's own plan ("Ny plan" under Planer).
import { openDialog, useUi } from '../store/ui';
import { useReadOnly } from '../store/editor';

export function ExampleIntro() {
  const shown = useUi((s) => s.exampleIntro);
  // Over a plan that can only be read here, it does not ask to change it.
  const readOnly = useReadOnly();
  if (!shown) return null;
  const startOwn = () => {
    openDialog({ kind: 'plans' });
    // Once the dialog is open (it focuses its first control), the new plan's name takes focus.
    const focusName = (tries: number) => {
      const field = document.getElementById('new-plan-name');
      if (field?.closest('dialog')?.open) field.focus();
      else if (tries > 0) requestAnimationFrame(() => focusName(tries - 1));
    };
    requestAnimationFrame(() => focusName(30));
  };
  return (
    <aside className="example-intro" aria-label="Om exemplet">
      <p>
        Det här är ett exempel – {readOnly ? '' : 'ändra fritt, eller '}
        <button type="button" className="link-button" onClick={startOwn}>
          börja en egen plan
        </button>
        .
      </p>
      <button type="button" className="icon-button" aria-label="Stäng informationen om exemplet" onClick={() => useUi.setState({ exampleIntro: false })}>
        ×
      </button>
    </aside>
  );
}
