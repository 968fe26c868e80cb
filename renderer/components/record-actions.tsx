/**
 * History, Move-to-bin and Unlink for any record (issue #15: safe destructive actions). Deletes go
 * to the restorable Bin; each says what will happen, then offers Undo in a notice for a few seconds
 * (Undo restores from the Bin), so a mistaken delete never needs a visit to the Bin.
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { Delete20Regular, History20Regular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { ChannelName, ChannelOutput } from '../../electron/contract/channels';
import type { Client } from '../../electron/contract/client';
import { toApiError, useApi } from '../api/api-context';
import { navigate } from '../app/router';
import { useWorkbook } from '../app/workbook-context';
import { notify, UNDO_SECONDS } from './notices';
import { ErrorState } from './states';

type DeleteChannel = Extract<ChannelName, `${string}:delete`>;
type Deleted = ChannelOutput<'partner:delete'>;

export function HistoryButton({ entity, id }: { entity: string; id: number }) {
  return (
    <Button as="a" href={`#/history/${entity}/${id}`} icon={<History20Regular />} onClick={(e) => { e.preventDefault(); navigate(`/history/${entity}/${id}`); }}>
      History
    </Button>
  );
}

/** "Milestone 2.1 moved to the Bin (and 3 records with it)." */
export function binnedMessage(what: string, d: Deleted): string {
  const extra = d.rowCount > 1 ? ` with ${d.rowCount - 1} record${d.rowCount - 1 === 1 ? '' : 's'} under it` : '';
  return `${capitalise(what)} moved to the Bin${extra}.`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Restores a delete from the Bin: the Undo of every delete. */
export function restoreFromBin(client: Client, d: Deleted): Promise<unknown> {
  return client.call('bin:restore', { binEntryId: d.binEntryId });
}

/**
 * Move-to-bin for a whole record (on its own page): a dialog says what will go, the record goes,
 * the page moves to `after`, and a notice offers Undo (which restores it and comes back here).
 */
export function DeleteButton({ channel, id, what, after, consequence }: { channel: DeleteChannel; id: number; what: string; after: string; consequence?: string }) {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  const [open, setOpen] = useState(false);
  if (readOnly) return null;
  const go = async () => {
    setOpen(false);
    try {
      const d = await client.call(channel, { id } as never);
      changed();
      const back = window.location.hash.replace(/^#/, '') || '/';
      navigate(after, { force: true });
      notify(binnedMessage(what, d), {
        undo: async () => {
          await restoreFromBin(client, d);
          changed();
          navigate(back, { force: true });
        },
      });
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return (
    <>
      <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button icon={<Delete20Regular />}>Move to Bin</Button>
        </DialogTrigger>
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>Move {what} to the Bin?</DialogTitle>
            <DialogContent>
              <p>{consequence ?? 'Anything recorded under it goes to the Bin with it.'}</p>
              <p>You can undo this for {UNDO_SECONDS} seconds afterwards, or restore it from the Bin at any time.</p>
            </DialogContent>
            <DialogActions>
              {/* Cancel first and focused first: the safe choice is the default (WCAG 3.3.4). */}
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="primary">Keep it</Button>
              </DialogTrigger>
              <Button icon={<Delete20Regular />} onClick={() => void go()}>
                Move to Bin
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
      {problem && <ErrorState error={problem} />}
    </>
  );
}

/**
 * Move-to-bin for one row of a list (a milestone, a value, a sign-off): acts at once, stays on the
 * page, and puts focus on the notice's Undo (the row and its button have gone, so focus would
 * otherwise fall to the page body).
 */
export function RowDeleteButton({ channel, id, what, label = 'Move to Bin' }: { channel: DeleteChannel; id: number; what: string; label?: string }) {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  const busy = useRef(false);
  if (readOnly) return null;
  const go = async () => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      const d = await client.call(channel, { id } as never);
      changed();
      notify(binnedMessage(what, d), {
        focus: true,
        // After Undo the row comes back: focus its button again.
        returnTo: () => document.querySelector<HTMLElement>(`button[aria-label="${`${label}: ${what}`.replace(/["\\]/g, '\\$&')}"]`),
        undo: async () => {
          await restoreFromBin(client, d);
          changed();
        },
      });
    } catch (e) {
      setProblem(toApiError(e));
    } finally {
      busy.current = false;
    }
  };
  return (
    <>
      <Button size="small" icon={<Delete20Regular />} onClick={() => void go()} aria-label={`${label}: ${what}`} title={`Moves ${what} to the Bin. You can undo straight after.`}>
        {label}
      </Button>
      {problem && <ErrorState error={problem} />}
    </>
  );
}

/**
 * Unlink with Undo: `unlink` breaks the link, `relink` makes it again. Focus goes to the notice's
 * Undo, since the row holding this button disappears.
 */
export function UnlinkButton({ what, unlink, relink, label = 'Unlink' }: { what: string; unlink(): Promise<unknown>; relink(): Promise<unknown>; label?: string }) {
  const { changed } = useApi();
  const { readOnly } = useWorkbook();
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  if (readOnly) return null;
  const go = async () => {
    setProblem(null);
    try {
      await unlink();
      changed();
      notify(`Unlinked ${what}.`, {
        focus: true,
        undo: async () => {
          await relink();
          changed();
        },
      });
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return (
    <>
      {/* The accessible name starts with the visible label (WCAG 2.5.3). */}
      <Button size="small" onClick={() => void go()} aria-label={`${label} ${what}`} title={`Removes the link to ${what}. You can undo straight after.`}>
        {label}
      </Button>
      {problem && <ErrorState error={problem} />}
    </>
  );
}
