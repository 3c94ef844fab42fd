// Scripts that failed (a syntax error, a thrown error, a timeout), each named by where it lives, shown
// above the response, which is still there: a failing pre-request script does not stop the send.
import type { ScriptFailure } from '../../../shared/model';
import { Icon } from '../common/Icon';

export function ScriptErrors({ errors }: { errors: ScriptFailure[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <div className="script-errors" role="alert" data-testid="script-errors">
      <Icon name="alert" size={14} />
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            <strong>Error in {e.location}:</strong> {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
