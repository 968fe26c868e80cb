/** History and Move-to-bin for any record: deletes go to the restorable Bin, never lost. */
import { Button } from '@fluentui/react-components';
import { Delete20Regular, History20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ChannelName } from '../../electron/contract/channels';
import { toApiError, useApi } from '../api/api-context';
import { navigate } from '../app/router';
import { useWorkbook } from '../app/workbook-context';
import { ErrorState } from './states';

type DeleteChannel = Extract<ChannelName, `${string}:delete`>;

export function HistoryButton({ entity, id }: { entity: string; id: number }) {
  return (
    <Button as="a" href={`#/history/${entity}/${id}`} icon={<History20Regular />} onClick={(e) => { e.preventDefault(); navigate(`/history/${entity}/${id}`); }}>
      History
    </Button>
  );
}

export function DeleteButton({ channel, id, what, after }: { channel: DeleteChannel; id: number; what: string; after: string }) {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  if (readOnly) return null;
  const go = async () => {
    if (!window.confirm(`Move ${what} to the Bin? Anything under it goes too. You can restore it from the Bin.`)) return;
    try {
      await client.call(channel, { id } as never);
      changed();
      navigate(after, { force: true });
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return (
    <>
      <Button icon={<Delete20Regular />} onClick={go}>
        Move to Bin
      </Button>
      {problem && <ErrorState error={problem} />}
    </>
  );
}

/** Move-to-bin for one row of a list (a target, a sign-off): asks first, stays on the page and refreshes it. */
export function RowDeleteButton({ channel, id, what }: { channel: DeleteChannel; id: number; what: string }) {
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  if (readOnly) return null;
  const go = async () => {
    if (!window.confirm(`Move ${what} to the Bin? You can restore it from the Bin.`)) return;
    try {
      await client.call(channel, { id } as never);
      changed();
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  return (
    <>
      <Button size="small" icon={<Delete20Regular />} onClick={go} aria-label={`Move to Bin: ${what}`}>
        Move to Bin
      </Button>
      {problem && <ErrorState error={problem} />}
    </>
  );
}
