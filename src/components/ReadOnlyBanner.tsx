// Said while the open plan can only be read: a newer version of Solfjädern wrote it (in another
// tab, on a colleague's laptop in the room). Nothing this window does is written into it; a
// reload brings the newer version.
import { useEditor } from '../store/editor';

export function ReadOnlyBanner() {
  const readOnly = useEditor((s) => s.readOnly);
  if (!readOnly) return null;
  return (
    <div className="readonly-banner" role="alert">
      <span>{readOnly}. Inget du ändrar här sparas.</span>
      <button type="button" onClick={() => location.reload()}>
        Ladda om sidan
      </button>
    </div>
  );
}
