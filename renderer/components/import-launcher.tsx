/**
 * Where a screen offers an import (an inspection letter on Inspections, national statistics on
 * Indicators): a button that opens the import in a titled section, which it closes again. Nothing
 * is offered on a read-only workbook.
 */
import { Button } from '@fluentui/react-components';
import { ArrowImport20Regular } from '@fluentui/react-icons';
import { useState, type ReactNode } from 'react';
import { useWorkbook } from '../app/workbook-context';
import { Section } from './page';

export function ImportLauncher({ title, buttonLabel, children }: { title: string; buttonLabel: string; children: (close: () => void) => ReactNode }) {
  const { readOnly } = useWorkbook();
  const [open, setOpen] = useState(false);
  if (readOnly) return null;
  return open ? (
    <Section title={title}>{children(() => setOpen(false))}</Section>
  ) : (
    <p>
      <Button icon={<ArrowImport20Regular />} onClick={() => setOpen(true)}>
        {buttonLabel}
      </Button>
    </p>
  );
}
