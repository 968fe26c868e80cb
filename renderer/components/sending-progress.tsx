/** Progress of a file being sent to the workbook: its name, how much has gone, and a bar. */
import { Field, ProgressBar } from '@fluentui/react-components';
import { formatBytes } from '../../electron/contract/format';
import type { Sending } from '../api/use-file-upload';

export function SendingProgress({ sending }: { sending: Sending | null }) {
  if (!sending) return null;
  return (
    <Field label={`Sending ${sending.name}: ${formatBytes(sending.done)} of ${formatBytes(sending.total)}`} validationState="none">
      <ProgressBar value={sending.total ? sending.done / sending.total : 1} thickness="large" />
    </Field>
  );
}
