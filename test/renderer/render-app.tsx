/**
 * Renders renderer components in jsdom with a fake transport typed by the real Transport, so the
 * fake cannot drift from the contract. Handlers answer per channel; anything unhandled fails loudly.
 */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../electron/contract/channels';
import type { Transport } from '../../electron/contract/client';
import type { Result } from '../../electron/contract/define';
import { loadReferenceData } from '../../electron/core/reference/load-reference';
import { ApiProvider } from '../../renderer/api/api-context';
import { WorkbookProvider, type WorkbookState } from '../../renderer/app/workbook-context';

// jsdom has no layout: Fluent's MessageBar and the virtualiser observe sizes, so give them a quiet observer.
class QuietResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = QuietResizeObserver;
}

export type Handler<C extends ChannelName> = (input: ChannelInput<C>) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;
export type Handlers = { [C in ChannelName]?: Handler<C> };

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

export interface FakeTransport {
  transport: Transport;
  calls: { channel: ChannelName; input: unknown }[];
}

export function fakeTransport(handlers: Handlers): FakeTransport {
  const calls: FakeTransport['calls'] = [];
  const transport: Transport = async (channel, input) => {
    calls.push({ channel, input });
    const handler = handlers[channel] as Handler<typeof channel> | undefined;
    if (!handler) return { ok: false, error: { code: 'internal', message: `No fake for ${channel}` } };
    return handler(input as never) as Promise<Result<unknown>>;
  };
  return { transport, calls };
}

export const reference = loadReferenceData();

export function workbookState(overrides: Partial<WorkbookState> = {}): WorkbookState {
  return {
    info: { path: '/tmp/t.workbook', fileName: 't.workbook', workbookId: 'w1', schemaVersion: 1, appVersion: '0.1.0', readOnly: false, createdAt: '2026-11-01T00:00:00Z', historyWarning: null },
    reference,
    area: {
      areaName: 'Testshire',
      laCode: '',
      icb: '',
      region: '',
      statisticalNeighbours: [],
      protectiveMarking: 'OFFICIAL-SENSITIVE',
      authorName: 'Test Officer',
      statusKeyId: 'rag',
      defaultFrameworkId: 'joint-2016',
      updatedAt: '2026-11-01T00:00:00Z',
      version: 1,
    },
    readOnly: false,
    ...overrides,
  };
}

export function renderWithApp(ui: ReactElement, handlers: Handlers = {}, state: Partial<WorkbookState> = {}) {
  const fake = fakeTransport(handlers);
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <ApiProvider transport={fake.transport}>
        <WorkbookProvider value={workbookState(state)}>{ui}</WorkbookProvider>
      </ApiProvider>
    </FluentProvider>,
  );
  return { ...utils, calls: fake.calls };
}

export const page = <T,>(items: T[]) => ok({ items, total: items.length });
