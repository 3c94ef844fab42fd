// Loads something from the billing server through the main process, with loading and error
// states, and a reload after changes. Stale answers (an earlier key) are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../state/toasts';

export interface Remote<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  reload: () => Promise<void>;
  set: (data: T) => void;
}

export function useRemote<T>(load: () => Promise<T>, key: string): Remote<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const current = useRef(key);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    const at = key;
    current.current = at;
    setLoading(true);
    try {
      const value = await loadRef.current();
      if (current.current !== at) return;
      setData(value);
      setError(undefined);
    } catch (err) {
      if (current.current !== at) return;
      setError(errorMessage(err));
    } finally {
      if (current.current === at) setLoading(false);
    }
  }, [key]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload, set: setData };
}
