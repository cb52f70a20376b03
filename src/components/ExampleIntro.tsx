// On a first visit the app opens the built-in example: one quiet line says so, and how to
// start one's own plan ("Ny plan" under Planer).
import { openDialog, useUi } from '../store/ui';

export function ExampleIntro() {
  const shown = useUi((s) => s.exampleIntro);
  if (!shown) return null;
  const startOwn = () => {
    openDialog({ kind: 'plans' });
    // The dialog draws first; then the new plan's name field takes focus.
    setTimeout(() => document.getElementById('new-plan-name')?.focus());
  };
  return (
    <aside className="example-intro" aria-label="Om exemplet">
      <p>
        Det här är ett exempel – ändra fritt, eller{' '}
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
