/** Each test owns its data: a fresh workbook in its own temp directory, and a typed client over dispatch. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkbook, type Workbook } from '../../db/open-workbook';
import { createDispatcher, type Dispatch } from '../../electron/core/api/dispatch';
import { WorkbookSession } from '../../electron/core/api/workbook-session';
import { createClient, type Client } from '../../electron/contract/client';
import type { ChannelName } from '../../electron/contract/channels';

export interface TestWorkbook {
  dir: string;
  file: string;
  workbook: Workbook;
  session: WorkbookSession;
  dispatch: Dispatch;
  api: Client;
  /** Moves the fake clock. */
  setNow(iso: string): void;
  cleanup(): void;
}

export function tempDir(prefix = 'ewb-test-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

export function makeTestWorkbook(options: { now?: string; areaName?: string } = {}): TestWorkbook {
  const dir = tempDir();
  const file = path.join(dir, 'test.workbook');
  let now = new Date(options.now ?? '2026-11-22T10:00:00Z');
  const workbook = createWorkbook(file, { areaName: options.areaName ?? 'Testshire', authorName: 'Test Officer', now: () => now });
  const session = new WorkbookSession({ now: () => now });
  session.use(workbook);
  const dispatch = createDispatcher(session, { validateOutput: true, logError: () => {} });
  const api = createClient((channel: ChannelName, input: unknown) => dispatch(channel, input));
  return {
    dir,
    file,
    workbook,
    session,
    dispatch,
    api,
    setNow: (iso) => {
      now = new Date(iso);
    },
    cleanup: () => {
      session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
