/** The evidence item page's Files panel (registered in app/extensions.ts). */
import { useApi } from '../../api/api-context';
import type { EvidenceItemPanelProps } from '../../app/extensions';
import { EvidenceFilesPanel } from './evidence-files-panel';

export default function EvidenceFilesSlot({ evidenceId, readOnly }: EvidenceItemPanelProps) {
  const { client, changed } = useApi();
  return <EvidenceFilesPanel client={client} evidenceId={evidenceId} readOnly={readOnly} shell={window.workbookFiles} onChanged={changed} />;
}
