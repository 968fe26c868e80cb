/** Mounts the Excel return import wizard (renderer/features/plan-import/) on the Action plans screens. */
import { Button } from '@fluentui/react-components';
import { ArrowUpload20Regular } from '@fluentui/react-icons';
import { Suspense, lazy, useState } from 'react';
import { useApi } from '../../api/api-context';
import type { PlanPagePanelProps } from '../../app/extensions';
import { Loading } from '../../components/states';

const PlanImportWizard = lazy(() => import('../../features/plan-import/plan-import-wizard').then((m) => ({ default: m.PlanImportWizard })));

export default function PlanImportPanel({ readOnly }: PlanPagePanelProps) {
  const { client, changed } = useApi();
  const [open, setOpen] = useState(false);
  if (readOnly) return <p>This workbook is read-only, so returned plans cannot be imported.</p>;
  if (!open) {
    return (
      <>
        <p>Bring back an action plan that leads updated in Excel: you see every change before anything is saved.</p>
        <Button icon={<ArrowUpload20Regular />} onClick={() => setOpen(true)}>
          Import a returned Excel plan…
        </Button>
      </>
    );
  }
  return (
    <Suspense fallback={<Loading />}>
      <PlanImportWizard client={client} onApplied={() => changed()} onClose={() => setOpen(false)} />
    </Suspense>
  );
}
