// The UI talks only to the API, with the signed-in token (kept in sessionStorage: gone when the tab closes).
import { useCallback, useEffect, useState } from 'react';

const KEY = 'hoptrace.token';

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}
export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}

export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export async function api<T>(path: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const token = init.token ?? getToken();
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
  } catch {
    throw new ApiFailure(0, 'The hoptrace server is not answering. Is `hoptrace serve` still running?');
  }
  const text = await res.text();
  let body: any = null;
  try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    if (res.status === 401) window.dispatchEvent(new Event('hoptrace:signed-out'));
    throw new ApiFailure(res.status, body?.message ?? `${res.status} ${res.statusText}`);
  }
  return body as T;
}

export function useApi<T>(path: string | null): { data: T | null; error: ApiFailure | null; loading: boolean; reload: () => void } {
  const [state, setState] = useState<{ data: T | null; error: ApiFailure | null; loading: boolean }>({ data: null, error: null, loading: !!path });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!path) return;
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>(path).then((data) => live && setState({ data, error: null, loading: false }),
      (error: ApiFailure) => live && setState({ data: null, error, loading: false }));
    return () => { live = false; };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}

export interface Me { id: string; name: string; role: 'admin' | 'analyst' | 'partner'; org: string | null; visibility: string; case: string }
