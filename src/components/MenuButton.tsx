// A menu button (WAI-ARIA menu button pattern): ↓/↑ open it on the first/last entry, arrows,
// Home and End move, Escape closes and returns focus, Tab closes. Entries with `checked`
// are checkboxes (a side panel shown or not).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';

export interface MenuEntry {
  label: string;
  run: () => unknown;
  checked?: boolean;
  disabled?: boolean;
}

export function MenuButton({ id, label, entries, busy = false }: { id: string; label: string; entries: MenuEntry[]; busy?: boolean }) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const firstFocus = useRef(0);

  const items = () => [...(menuRef.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]') ?? [])];

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

  // The menu stays on screen: one under a button near the edge of a narrow screen (a phone)
  // moves in rather than open past it.
  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (!open || !menu) return;
    menu.style.transform = '';
    const box = menu.getBoundingClientRect();
    const margin = 8;
    const shift = box.left < margin ? margin - box.left : box.right > window.innerWidth - margin ? window.innerWidth - margin - box.right : 0;
    if (shift !== 0) menu.style.transform = `translateX(${Math.round(shift)}px)`;
  }, [open]);

  const openAt = (index: number) => {
    firstFocus.current = index < 0 ? entries.length - 1 : index;
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
      case 'Enter':
      case ' ': {
        // Chosen on the key itself, not on the click a button makes of it: a click right after a
        // drag and drop is swallowed by dnd-kit, and the choice must not be.
        const entry = at >= 0 ? entries[at] : undefined;
        if (!entry || entry.disabled) return;
        choose(entry.run);
        break;
      }
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
        id={`${id}-button`}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${id}-menu` : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 0 : -1);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div ref={menuRef} id={`${id}-menu`} className="menu" role="menu" aria-labelledby={`${id}-button`} onKeyDown={onMenuKey}>
          {entries.map((entry) => (
            <button
              key={entry.label}
              type="button"
              role={entry.checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
              aria-checked={entry.checked}
              tabIndex={-1}
              disabled={entry.disabled}
              onClick={() => choose(entry.run)}
            >
              {entry.checked !== undefined && <span className="menu-check" aria-hidden="true">{entry.checked ? '✓' : ''}</span>}
              {entry.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
