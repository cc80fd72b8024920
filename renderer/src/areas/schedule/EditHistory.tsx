/**
 * The edits of the open schedule, newest first, with Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z or Ctrl+Y). The keys
 * work anywhere in the area except while typing in a field, where they keep their usual meaning.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSchedule } from '../../stores/scheduleStore';

export function EditHistory({ editable }: { editable: boolean }) {
  const { history, undone } = useSchedule(useShallow((s) => ({ history: s.history, undone: s.undone })));

  useEffect(() => {
    if (!editable) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) {
        e.preventDefault();
        void useSchedule.getState().undo();
      } else if ((key === 'z' && e.shiftKey) || key === 'y') {
        e.preventDefault();
        void useSchedule.getState().redo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [editable]);

  const { undo, redo } = useSchedule.getState();
  return (
    <div className="panel sched-history" data-testid="sched-history">
      <div className="sched-side__head">
        <h3>Edits</h3>
        <div className="sched-actions">
          <button type="button" className="secondary" disabled={!editable || history.length === 0} onClick={() => void undo()} title="Ctrl+Z" data-testid="sched-undo">Undo</button>
          <button type="button" className="secondary" disabled={!editable || undone.length === 0} onClick={() => void redo()} title="Ctrl+Shift+Z" data-testid="sched-redo">Redo</button>
        </div>
      </div>
      {history.length === 0 && undone.length === 0 ? (
        <p className="muted">No edits since this version was opened. Drag, lock, add or remove shifts; Ctrl+Z undoes, Ctrl+Shift+Z redoes.</p>
      ) : (
        <ol className="sched-history__list" reversed>
          {[...undone].map((e, i) => <li key={`u${i}`} className="muted sched-history__undone">{e.label} (undone)</li>)}
          {[...history].reverse().map((e, i) => <li key={`h${i}`} data-testid="sched-history-item">{e.label}</li>)}
        </ol>
      )}
    </div>
  );
}
