/**
 * Shared pieces of the Inspection week screen: the props every panel takes (a typed client, so
 * the panels work over IPC, HTTP or in-process dispatch alike), a small loader, and UK date input.
 */
import { MessageBar, MessageBarBody, Spinner, Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../electron/contract/channels';
import { ApiFailure, type Client } from '../../../electron/contract/client';
import type { ApiError } from '../../../electron/contract/define';
import { parseUkDate } from '../../../electron/contract/format';

export interface WeekPanelProps {
  client: Client;
  eventId: number;
  /** Bumps after every successful write, so every panel reloads. */
  version: number;
  changed(): void;
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiFailure) return e.error;
  return { code: 'internal', message: e instanceof Error ? e.message : 'Something went wrong.' };
}

export type Loaded<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ok'; data: T };

export function useLoad<C extends ChannelName>(client: Client, channel: C, input: ChannelInput<C>, version: number): Loaded<ChannelOutput<C>> {
  const key = JSON.stringify(input);
  const [state, setState] = useState<Loaded<ChannelOutput<C>>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    client.call(channel, JSON.parse(key) as ChannelInput<C>).then(
      (data) => live && setState({ status: 'ok', data }),
      (e: unknown) => live && setState({ status: 'error', error: asApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [client, channel, key, version]);
  return state;
}

export function Show<T>({ loaded, label, children }: { loaded: Loaded<T>; label: string; children: (data: T) => ReactNode }) {
  if (loaded.status === 'loading') return <Spinner size="tiny" label={`Loading ${label}…`} />;
  if (loaded.status === 'error') {
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{loaded.error.message}</MessageBarBody>
      </MessageBar>
    );
  }
  return <>{children(loaded.data)}</>;
}

export function Notice({ intent, children }: { intent: 'error' | 'warning' | 'success' | 'info'; children: ReactNode }) {
  return (
    <MessageBar intent={intent} role={intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}

/** "" → null; "22/11/2026" → "2026-11-22"; anything else → undefined (not a date). */
export function dateInput(text: string): string | null | undefined {
  if (text.trim() === '') return null;
  return parseUkDate(text) ?? undefined;
}

/** "24/11/2026 10:30" → "2026-11-24T10:30"; "" → null; anything else → undefined. */
export function dateTimeInput(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\S+)\s+(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return undefined;
  const day = parseUkDate(m[1]!);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!day || hour > 23 || minute > 59) return undefined;
  return `${day}T${String(hour).padStart(2, '0')}:${m[3]}`;
}

export function ukDateTime(local: string | null | undefined): string {
  if (!local) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}` : local;
}

/** Runs a write; on success bumps the version, on failure returns the officer's message. */
export async function write(run: () => Promise<unknown>, changed: () => void): Promise<ApiError | null> {
  try {
    await run();
    changed();
    return null;
  } catch (e) {
    return asApiError(e);
  }
}

/** A column of one of the week's tables: its heading and, for all but the main text, a width. */
export interface WeekColumn {
  header: string;
  width?: string;
}

/**
 * A table of the week's records with widths that suit each column (issue #15: Fluent's fixed
 * layout gave every column the same share, so the request's own words wrapped every two words
 * while dates and statuses had room to spare). The column without a width takes what is left; below
 * `minWidth` the table scrolls sideways inside its own box rather than squeezing further.
 */
export function WeekTable({ label, columns, minWidth, children }: { label: string; columns: WeekColumn[]; minWidth: string; children: ReactNode }) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <Table aria-label={label} size="small" style={{ minWidth }}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.header} style={c.width ? { width: c.width } : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </div>
  );
}
