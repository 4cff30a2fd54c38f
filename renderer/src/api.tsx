/**
 * The renderer's only way to the main process: `window.api` (preload/contract.ts), handed in
 * through one provider so tests can pass a fake or a bridge to the real handlers.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import type { Api, AppState } from '../../preload/contract.ts';

const ApiContext = createContext<Api | undefined>(undefined);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }): ReactNode {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The API; throws if used outside {@link ApiProvider}. */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi must be used inside <ApiProvider>');
  return api;
}

/** The app state: loaded once, then kept current by `session:state-changed` events. */
export function useAppState(): AppState | undefined {
  const api = useApi();
  const [state, setState] = useState<AppState | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const unsubscribe = api.onStateChanged((next) => setState(next));
    void api.getState().then((result) => {
      if (live && result.ok) setState((current) => current ?? result.value);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api]);
  return state;
}

/** Ticks every second: for "expires in" and "time left" displays. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
