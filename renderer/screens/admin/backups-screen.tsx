/** Backups: when the last one was taken, take one now, restore one (keeping a revert point), and check the history. */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ArrowUndo20Regular, Save20Regular, ShieldCheckmark20Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { formatBytes } from '../../../electron/contract/format';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { finderFor, returnFocusAfterDialog } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { EmptyState, ErrorState, QueryView } from '../../components/states';

type Backup = ChannelOutput<'backup:list'>[number];

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });

export default function BackupsScreen() {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const status = useQuery('backup:status', {});
  const list = useQuery('backup:list', {});
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  const [confirm, setConfirm] = useState<Backup | null>(null);
  // Focus goes back to the Restore button that opened the dialog when it closes (issue #15).
  const restoreOpener = useRef<(() => HTMLElement | null) | null>(null);
  useEffect(() => {
    if (confirm === null && restoreOpener.current) returnFocusAfterDialog(restoreOpener.current);
  }, [confirm]);
  const [history, setHistory] = useState<ChannelOutput<'audit:verify'> | null>(null);

  const run = async (what: string, work: () => Promise<string>) => {
    setBusy(what);
    setProblem(null);
    setDone(null);
    try {
      setDone(await work());
      changed();
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      setBusy(null);
    }
  };

  const backUp = () =>
    run('backup', async () => {
      const b = await client.call('backup:create', {});
      return `Backup taken at ${when(b.takenAt)} (${formatBytes(b.sizeBytes)}).`;
    });

  const restore = (b: Backup) =>
    run(b.fileName, async () => {
      setConfirm(null);
      const r = await client.call('backup:restore', { fileName: b.fileName });
      return `Restored the backup of ${when(r.restored.takenAt)}.${r.revertPoint ? ` What you had before is kept as a revert point (${when(r.revertPoint.takenAt)}), so you can go back.` : ''}`;
    });

  const verify = () =>
    run('verify', async () => {
      const h = await client.call('audit:verify', {});
      setHistory(h);
      return h.message;
    });

  return (
    <Page title="Backups" subtitle="The app backs up this workbook when it opens and every 15 minutes while there are changes. Restoring keeps what you have now as a revert point.">
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {problem && <ErrorState error={problem} />}

      <Section title="Automatic backups">
        <QueryView query={status} label="Checking the backups…">
          {(st) => (
            <p>
              {st.automatic ? 'Automatic backups are on.' : 'Automatic backups are not running for this workbook.'}{' '}
              {st.lastBackupAt ? `Last backup: ${when(st.lastBackupAt)}.` : 'No backup has been taken since it opened.'}
              {st.problem && <strong> {st.problem}</strong>}
            </p>
          )}
        </QueryView>
        <Button icon={<Save20Regular />} onClick={backUp} disabled={busy !== null}>
          {busy === 'backup' ? 'Backing up…' : 'Back up now'}
        </Button>{' '}
        <Button icon={<ShieldCheckmark20Regular />} onClick={verify} disabled={busy !== null}>
          {busy === 'verify' ? 'Checking the history…' : 'Check the history has not been altered'}
        </Button>
        {history && !history.intact && (
          <MessageBar intent="error">
            <MessageBarBody>{history.message}</MessageBarBody>
          </MessageBar>
        )}
      </Section>

      <Section title="Backups you can restore">
        <QueryView query={list} label="Listing backups…">
          {(backups) =>
            backups.length === 0 ? (
              <EmptyState title="No backups yet">Take one now with “Back up now”. The app also takes one each time the workbook opens.</EmptyState>
            ) : (
              <DataTable
                caption="Backups, newest first"
                rows={backups}
                rowKey={(b) => b.fileName}
                columns={[
                  { header: 'Taken', rowHeader: true, cell: (b) => when(b.takenAt) },
                  { header: 'Why', cell: (b) => b.reasonLabel },
                  { header: 'Evidence', numeric: true, cell: (b) => (b.counts ? b.counts.evidence : '–') },
                  { header: 'Actions', numeric: true, cell: (b) => (b.counts ? b.counts.actions : '–') },
                  { header: 'Size', numeric: true, cell: (b) => formatBytes(b.sizeBytes) },
                  {
                    header: 'Restore',
                    cell: (b) =>
                      b.usable ? (
                        <Button size="small" icon={<ArrowUndo20Regular />} disabled={busy !== null || readOnly} aria-label={`Restore the backup of ${when(b.takenAt)}`} onClick={(e) => {
                            restoreOpener.current = finderFor(e.currentTarget);
                            setConfirm(b);
                          }}>
                          {busy === b.fileName ? 'Restoring…' : 'Restore'}
                        </Button>
                      ) : (
                        'Cannot be opened'
                      ),
                  },
                ]}
              />
            )
          }
        </QueryView>
      </Section>

      <Dialog open={confirm !== null} onOpenChange={(_e, d) => !d.open && setConfirm(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Restore this backup?</DialogTitle>
            <DialogContent>
              {confirm && (
                <p>
                  The workbook will go back to how it was at {when(confirm.takenAt)}. What you have now is saved first as a revert point, so nothing is lost. The backup is
                  checked before it replaces anything.
                </p>
              )}
            </DialogContent>
            <DialogActions>
              {/* The safe choice first, so it (not the destructive Restore) takes focus when the dialog opens. */}
              <Button appearance="primary" onClick={() => setConfirm(null)}>
                Cancel
              </Button>
              <Button onClick={() => confirm && restore(confirm)}>Restore</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </Page>
  );
}
