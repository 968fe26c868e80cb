/**
 * The typed client for the whole UI, plus a change counter: every successful write bumps it and
 * every visible query reloads, so screens never show stale data after an edit.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/contract/channels';
import { ApiFailure, createClient, type Client, type Transport } from '../../electron/contract/client';
import type { ApiError } from '../../electron/contract/define';
import { NoticeArea } from '../components/notices';

interface ApiState {
  client: Client;
  changes: number;
  changed(): void;
}

const ApiContext = createContext<ApiState | null>(null);

export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const client = useMemo(() => createClient(transport), [transport]);
  const [changes, setChanges] = useState(0);
  const changed = useCallback(() => setChanges((n) => n + 1), []);
  const value = useMemo(() => ({ client, changes, changed }), [client, changes, changed]);
  return (
    <ApiContext.Provider value={value}>
      {children}
      <NoticeArea />
    </ApiContext.Provider>
  );
}

export function useApi(): ApiState {
  const state = useContext(ApiContext);
  if (!state) throw new Error('useApi must be used inside <ApiProvider>.');
  return state;
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return e.error;
  return { code: 'internal', message: e instanceof Error ? e.message : 'Something went wrong.' };
}

export type QueryState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined; reload(): void }
  | { status: 'error'; data?: undefined; error: ApiError; reload(): void }
  | { status: 'ok'; data: T; error?: undefined; reload(): void };

/** Loads a query channel; reloads when its input changes or after any write. `null` input skips. */
export function useQuery<C extends ChannelName>(channel: C, input: ChannelInput<C> | null): QueryState<ChannelOutput<C>> {
  const { client, changes } = useApi();
  const key = input === null ? null : JSON.stringify(input);
  const [own, setOwn] = useState(0);
  const [state, setState] = useState<{ status: 'loading' | 'ok' | 'error'; data?: ChannelOutput<C>; error?: ApiError; key: string | null }>({
    status: 'loading',
    key,
  });
  const latest = useRef(0);
  useEffect(() => {
    if (key === null) return;
    const ticket = ++latest.current;
    // Keep showing the previous data while refreshing after a write; show loading for a new input.
    setState((s) => (s.key === key && s.status === 'ok' ? s : { status: 'loading', key }));
    client.call(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => ticket === latest.current && setState({ status: 'ok', data, key }),
      (e: unknown) => ticket === latest.current && setState({ status: 'error', error: toApiError(e), key }),
    );
  }, [client, channel, key, changes, own]);
  const reload = useCallback(() => setOwn((n) => n + 1), []);
  if (state.key !== key || state.status === 'loading') return { status: 'loading', reload };
  if (state.status === 'error') return { status: 'error', error: state.error!, reload };
  return { status: 'ok', data: state.data as ChannelOutput<C>, reload };
}
