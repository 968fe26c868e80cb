/** Answers the desktop menus: exports of the current plan / latest self-evaluation, the evidence pack, the user guide, and reload after Open. */
import { MessageBar, MessageBarBody, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Client } from '../../electron/contract/client';
import { toApiError, useApi } from '../api/api-context';
import { runExport } from '../components/export-button';
import { platform, type MenuAction } from '../platform';
import { navigate } from './router';
import { confirmLeave } from './unsaved-changes';

const useStyles = makeStyles({ toast: { position: 'fixed', right: tokens.spacingHorizontalL, bottom: tokens.spacingVerticalL, zIndex: 50, maxWidth: '420px' } });

/** Which export channel each menu action runs, and how its input is found. */
const MENU_EXPORTS: Partial<Record<MenuAction, { channel: string; needs: 'plan' | 'sef' }>> = {
  'export:sef': { channel: 'export:sefDocx', needs: 'sef' },
  'export:progress-report': { channel: 'export:progressDocx', needs: 'plan' },
  'export:action-plan': { channel: 'export:planXlsx', needs: 'plan' },
};

type Status = { busy: boolean; ok: boolean; message: string; progress?: number };

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Builds the evidence pack (every evidence item with its files and an index.html), polling
 * pack:progress so the officer sees it moving, then saves it. The pack covers the whole
 * workbook; pack:build takes no inspection event.
 */
export async function buildEvidencePack(client: Client, report: (s: Status) => void): Promise<void> {
  report({ busy: true, ok: true, message: 'Building the evidence pack…' });
  const timer = setInterval(() => {
    client.call('pack:progress', {}).then(
      (p) => p.running && report({ busy: true, ok: true, message: `Building the evidence pack: ${p.stage}…`, ...(p.total > 0 ? { progress: p.done / p.total } : {}) }),
      () => {},
    );
  }, 400);
  try {
    const pack = await client.call('pack:build', { forPublication: false });
    clearInterval(timer);
    const problem = await platform.saveFile(pack);
    report(problem ? { busy: false, ok: false, message: problem } : { busy: false, ok: true, message: `Saved ${pack.fileName}: ${count(pack.itemCount, 'evidence item')}, ${count(pack.fileCount, 'file')}.` });
  } catch (e) {
    report({ busy: false, ok: false, message: toApiError(e).message });
  } finally {
    clearInterval(timer);
  }
}

export function MenuActions() {
  const s = useStyles();
  const { client } = useApi();
  const [status, setStatus] = useState<Status | null>(null);
  const clientRef = useRef(client);
  clientRef.current = client;

  useEffect(
    () =>
      platform.onMenu(async (action) => {
        if (action === 'workbook:opened') {
          if (confirmLeave()) window.location.reload();
          return;
        }
        if (action === 'workbook:new') {
          navigate('/welcome');
          return;
        }
        if (action === 'help:guide') {
          navigate('/help');
          return;
        }
        if (action === 'export:evidence-pack') {
          await buildEvidencePack(clientRef.current, setStatus);
          return;
        }
        const exp = MENU_EXPORTS[action];
        if (!exp) return;
        setStatus({ busy: true, ok: true, message: 'Building the document…' });
        let input: unknown;
        try {
          if (exp.needs === 'plan') {
            const overview = await clientRef.current.call('overview:get', {});
            if (!overview.plan) return setStatus({ busy: false, ok: false, message: 'There is no action plan to export yet.' });
            input = { planId: overview.plan.id };
          } else {
            const sefs = await clientRef.current.call('sef:list', { limit: 500 });
            const latest = [...sefs.items].sort((a, b) => b.asOf.localeCompare(a.asOf))[0];
            if (!latest) return setStatus({ busy: false, ok: false, message: 'There is no self-evaluation to export yet.' });
            input = { sefId: latest.id };
          }
        } catch (e) {
          // Never leave "Building…" on screen: say what went wrong instead.
          return setStatus({ busy: false, ok: false, message: toApiError(e).message });
        }
        const outcome = await runExport(clientRef.current, exp.channel, input);
        setStatus({ busy: false, ...outcome });
      }),
    [],
  );

  if (!status) return null;
  return (
    <div className={s.toast}>
      <MessageBar intent={status.busy ? 'info' : status.ok ? 'success' : 'error'} role={status.ok ? 'status' : 'alert'}>
        <MessageBarBody>
          {status.busy && <Spinner size="tiny" />} {status.message}
          {status.busy && status.progress !== undefined && <ProgressBar value={status.progress} aria-label="Evidence pack progress" />}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
