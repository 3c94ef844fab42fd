// The drift of a linked spec, fetched again after each save of the spec, each update, and each
// change to the collections (a request of the linked collection edited or deleted elsewhere).
import { useCallback, useEffect, useState } from 'react';
import type { SpecDrift } from '../../../shared/contract-design';
import { rpc } from '../rpc';
import { useSpecs } from '../state/specs';
import { useTree } from '../state/tree';
import { errorMessage } from '../state/toasts';

export function useSpecDrift(specId: string, collectionId: string | null) {
  const saves = useSpecs((s) => s.saves[specId] ?? 0);
  const treeNodes = useTree((s) => s.nodes);
  const [drift, setDrift] = useState<SpecDrift | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => setRound((r) => r + 1), []);

  useEffect(() => {
    if (!collectionId) {
      setDrift(null);
      return;
    }
    let live = true;
    rpc['specs.drift']({ id: specId }).then(
      (d) => {
        if (!live) return;
        setDrift(d);
        setError(null);
      },
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, [specId, collectionId, saves, round, treeNodes]);

  return { drift, error, refresh };
}
