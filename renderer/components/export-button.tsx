/**
 * Runs an export channel (Word/Excel, declared by the export groups in the contract), shows
 * progress while the file is built, and saves it (Save dialog on the desktop, download in the
 * browser). Renders nothing when the channel is not in this build's contract.
 */
import { Button, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { isChannelName } from '../../electron/contract/channels';
import { toApiError, useApi } from '../api/api-context';
import { platform } from '../platform';

const useStyles = makeStyles({ wrap: { display: 'inline-flex', flexDirection: 'column', gap: tokens.spacingVerticalXS } });

interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export function exportAvailable(channel: string): boolean {
  return isChannelName(channel);
}

/** Calls an export channel and saves its file; resolves with a message for the officer. */
export async function runExport(client: ReturnType<typeof useApi>['client'], channel: string, input: unknown): Promise<{ ok: boolean; message: string }> {
  if (!isChannelName(channel)) return { ok: false, message: 'This export is not available in this version.' };
  try {
    const file = (await client.call(channel, input as never)) as unknown as ExportedFile;
    const problem = await platform.saveFile(file);
    return problem ? { ok: false, message: problem } : { ok: true, message: `Saved ${file.fileName}.` };
  } catch (e) {
    return { ok: false, message: toApiError(e).message };
  }
}

export function ExportButton({ channel, input, label, busyLabel = 'Building the document…' }: { channel: string; input: unknown; label: string; busyLabel?: string }) {
  const s = useStyles();
  const { client } = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  if (!exportAvailable(channel)) return null;
  const go = async () => {
    setBusy(true);
    setOutcome(null);
    setOutcome(await runExport(client, channel, input));
    setBusy(false);
  };
  return (
    <span className={s.wrap}>
      <Button icon={busy ? <Spinner size="tiny" /> : <ArrowDownload20Regular />} disabled={busy} onClick={go}>
        {busy ? busyLabel : label}
      </Button>
      {outcome && (
        <MessageBar intent={outcome.ok ? 'success' : 'error'} role={outcome.ok ? 'status' : 'alert'}>
          <MessageBarBody>{outcome.message}</MessageBarBody>
        </MessageBar>
      )}
    </span>
  );
}
