/** Answers the desktop File menu: exports of the current plan / latest self-evaluation, and reload after Open. */
import { MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../api/api-context';
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

export function MenuActions() {
  const s = useStyles();
  const { client } = useApi();
  const [status, setStatus] = useState<{ busy: boolean; ok: boolean; message: string } | null>(null);
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
        const exp = MENU_EXPORTS[action];
        if (!exp) return;
        setStatus({ busy: true, ok: true, message: 'Building the document…' });
        let input: unknown;
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
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
