// The one place messages appear: errors as alerts, other news as status, with an action.
import { clearNotice, useEditor } from '../store/editor';

export function NoticeBar({ inDialog = false }: { inDialog?: boolean }) {
  const notice = useEditor((s) => s.notice);
  return (
    <div className={inDialog ? 'notice-region in-dialog' : 'notice-region'} role={notice?.kind === 'error' ? 'alert' : 'status'}>
      {notice && (
        <div className={`notice notice-${notice.kind}`} key={notice.id}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              onClick={() => {
                notice.action!.run();
                clearNotice();
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
