/** Runs 'search:query' as the officer types: debounced, and an older answer never replaces a newer one. */
import { useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../electron/contract/channels';
import { ApiFailure, type Client } from '../../../electron/contract/client';
import type { SearchOutput } from '../../../electron/contract/groups/files';

export type SearchRequest = ChannelInput<'search:query'>;

export interface SearchState {
  output: SearchOutput | null;
  error: string | null;
  busy: boolean;
}

export function useSearch(client: Client, request: SearchRequest, delayMs = 150): SearchState {
  const [state, setState] = useState<SearchState>({ output: null, error: null, busy: false });
  const ticket = useRef(0);
  const key = JSON.stringify(request);
  useEffect(() => {
    const mine = ++ticket.current;
    const input = JSON.parse(key) as SearchRequest;
    if (!input.q?.trim()) {
      setState({ output: null, error: null, busy: false });
      return;
    }
    setState((s) => ({ ...s, busy: true }));
    const timer = setTimeout(() => {
      client.call('search:query', input).then(
        (output) => mine === ticket.current && setState({ output, error: null, busy: false }),
        (e: unknown) =>
          mine === ticket.current && setState({ output: null, error: e instanceof ApiFailure ? e.message : 'Search failed. Try again.', busy: false }),
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, [client, key, delayMs]);
  return state;
}
