// "Exportera": a menu button (WAI-ARIA menu button pattern) with every way the plan leaves the app.
import { useEffect, useRef, useState } from 'react';
import { exportJson, exportMall, exportPng, exportSvg, exportWord, printPlan } from '../store/exporter';
import { useUi } from '../store/ui';

const ENTRIES: { label: string; run: () => unknown }[] = [
  { label: 'Word (.docx)', run: exportWord },
  { label: 'Mall att fylla i (.docx)', run: exportMall },
  { label: 'JSON', run: exportJson },
  { label: 'Bild (SVG)', run: exportSvg },
  { label: 'Bild (PNG)', run: exportPng },
  { label: 'Skriv ut', run: printPlan },
];

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const exporting = useUi((s) => s.exporting);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const firstFocus = useRef(0);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];

  useEffect(() => {
    if (!open) return;
    items()[firstFocus.current]?.focus();
    const close = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    return () => document.removeEventListener('pointerdown', close);
  }, [open]);

  const openAt = (index: number) => {
    firstFocus.current = index < 0 ? ENTRIES.length - 1 : index;
    setOpen(true);
  };

  const choose = (run: () => unknown) => {
    setOpen(false);
    buttonRef.current?.focus();
    void run();
  };

  const onMenuKey = (event: React.KeyboardEvent) => {
    const list = items();
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    switch (event.key) {
      case 'ArrowDown':
        move(at + 1);
        break;
      case 'ArrowUp':
        move(at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(list.length - 1);
        break;
      case 'Escape':
        setOpen(false);
        buttonRef.current?.focus();
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="menu-wrap">
      <button
        ref={buttonRef}
        type="button"
        id="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'export-menu' : undefined}
        aria-busy={exporting !== null}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 0 : -1);
          }
        }}
      >
        {exporting ? 'Exporterar…' : 'Exportera'} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} id="export-menu" className="menu" role="menu" aria-labelledby="export-button" onKeyDown={onMenuKey}>
          {ENTRIES.map((entry) => (
            <button key={entry.label} type="button" role="menuitem" tabIndex={-1} disabled={exporting !== null} onClick={() => choose(entry.run)}>
              {entry.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
