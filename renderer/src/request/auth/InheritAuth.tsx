// "Inherit auth from parent": names the folder or collection it comes from and what it sends.
import { openItem } from '../../state/tabActions';
import type { VariableContext } from '../../state/variables';
import { AUTH_LABELS, authSummary } from './authSummary';
import { useInheritedAuth } from './useInheritedAuth';

export function InheritAuth({ itemId, ctx }: { itemId: string | null; ctx: VariableContext }) {
  const inherited = useInheritedAuth(itemId);
  if (inherited.state === 'unsaved') {
    return (
      <p className="empty-note" data-testid="inherited-auth">
        This request is not saved in a collection yet, so there is nothing to inherit: it is sent without auth. Save it into a
        collection or folder to use theirs.
      </p>
    );
  }
  if (inherited.state === 'loading') return <p className="empty-note">Looking up the parent’s auth…</p>;
  const { from, auth } = inherited;
  return (
    <div className="inherit-box" data-testid="inherited-auth">
      <p>
        Uses <strong>{AUTH_LABELS[auth.type]}</strong> from {from.kind}{' '}
        <button className="link-button" onClick={() => void openItem(from.id)}>
          “{from.name}”
        </button>
        .
      </p>
      <code className="inherit-summary">{authSummary(auth, ctx)}</code>
    </div>
  );
}
