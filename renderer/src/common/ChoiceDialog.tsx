// The confirmation / choice dialog driven by state/dialogs.ts `choose()` and `confirm()`.
import { useDialogs } from '../state/dialogs';
import { Dialog } from './Dialog';

export function ChoiceDialog() {
  const choice = useDialogs((s) => s.choice);
  if (!choice) return null;
  const primary = [...choice.options].reverse().find((o) => o.variant !== 'plain');
  return (
    <Dialog
      title={choice.title}
      onClose={() => choice.resolve(null)}
      width={440}
      footer={choice.options.map((o) => (
        <button
          key={o.value}
          className={`button ${o.variant ?? 'plain'}`}
          data-autofocus={o === primary ? true : undefined}
          onClick={() => choice.resolve(o.value)}
        >
          {o.label}
        </button>
      ))}
    >
      <p className="dialog-message">{choice.message}</p>
    </Dialog>
  );
}
