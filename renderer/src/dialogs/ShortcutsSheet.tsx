import { Dialog } from '../common/Dialog';
import { SHORTCUTS } from '../shortcuts/shortcutList';
import { useDialogs } from '../state/dialogs';

export function ShortcutsSheet() {
  return (
    <Dialog title="Keyboard shortcuts" onClose={() => useDialogs.getState().openPanel(null)} width={520}>
      <dl className="shortcut-sheet" data-testid="shortcuts-sheet">
        {SHORTCUTS.map((s, i) => (
          <div key={i} className="shortcut-row">
            <dt>{s.label}</dt>
            <dd>
              {s.keys.map((k, j) => (
                <span key={k}>
                  {j > 0 && <span className="plus">+</span>}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
