// The one place messages appear: errors as alerts, other news as status, with an action.
// News leaves by itself after a few seconds (longer when it offers an action such as
// "Ångra"), never while the pointer is on it or focus is in it; errors stay until closed.
import { useEffect, useState } from 'react';
import { clearNotice, useEditor, type Notice } from '../store/editor';

/** How long news stays: plain, and with an action to take. */
export const NOTICE_MS = { plain: 6000, action: 12000 } as const;

export const noticeLife = (notice: Notice): number | null => (notice.kind === 'error' ? null : notice.action ? NOTICE_MS.action : NOTICE_MS.plain);

export function NoticeBar({ inDialog = false }: { inDialog?: boolean }) {
  const notice = useEditor((s) => s.notice);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const life = notice ? noticeLife(notice) : null;
  useEffect(() => {
    if (!notice || life === null || hovered || focused) return;
    // Only this notice: a newer one has its own time.
    const timer = setTimeout(() => useEditor.getState().notice?.id === notice.id && clearNotice(), life);
    return () => clearTimeout(timer);
  }, [notice, life, hovered, focused]);
  return (
    <div className={inDialog ? 'notice-region in-dialog' : 'notice-region'} role={notice?.kind === 'error' ? 'alert' : 'status'}>
      {notice && (
        <div
          className={`notice notice-${notice.kind}`}
          key={notice.id}
          onPointerEnter={() => setHovered(true)}
          onPointerLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
          }}
        >
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                notice.action!.run();
                // The action may have its own word to say (it stays); otherwise the notice goes.
                if (useEditor.getState().notice?.id === notice.id) clearNotice();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="icon-button" aria-label="Stäng meddelandet" onClick={clearNotice}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
