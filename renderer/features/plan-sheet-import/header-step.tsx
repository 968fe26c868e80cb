/**
 * Step 3: the row that holds the column headings. The app suggests one (title rows and notes above
 * it are ignored); the first rows of the sheet are shown so the officer can choose another.
 */
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Client } from '../../../electron/contract/client';
import { toApiError } from '../../api/api-context';
import { Loading } from '../../components/states';
import { SheetRows, type SheetRow } from './sheet-rows';
import { StepFrame, type FrameProps } from './step-frame';
import type { Sample } from './wizard-model';

export function HeaderStep({
  frame,
  client,
  uploadId,
  sample,
  headerRow,
  onHeaderRow,
  onBack,
  onNext,
}: {
  frame: FrameProps;
  client: Client;
  uploadId: string;
  sample: Sample;
  headerRow: number;
  onHeaderRow(row: number): void;
  onBack(): void;
  onNext(): void;
}) {
  const name = useId();
  const [top, setTop] = useState<SheetRow[] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);

  // The top of the sheet (row 1 and the rows after it), whatever row was detected.
  useEffect(() => {
    let live = true;
    client.call('planSheet:sample', { uploadId, sheet: sample.sheet, headerRow: 1 }).then(
      (s) => live && setTop([{ row: 1, cells: s.headerCells.map((c) => c.text) }, ...s.rows]),
      (e) => live && setLoadProblem(toApiError(e).message),
    );
    return () => {
      live = false;
    };
  }, [client, uploadId, sample.sheet]);

  const detected = sample.headerRow;
  const around: SheetRow[] = detected ? [{ row: detected, cells: sample.headerCells.map((c) => c.text) }, ...sample.rows.slice(0, 5)] : [];
  const rows = [...new Map([...(top ?? []), ...around].map((r) => [r.row, r])).values()].sort((a, b) => a.row - b.row);
  const columns = sample.headerCells.map((c) => c.column);

  return (
    <StepFrame {...frame} onBack={onBack} next={{ label: 'Continue', onNext }}>
      {sample.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <p>
        {detected
          ? `The column headings look to be in row ${detected} of “${sample.sheet}”: rows above it (titles, notes) are not imported. If another row holds the headings, choose it.`
          : `No row of “${sample.sheet}” looked like column headings. Choose the row that holds them.`}{' '}
        Blank rows are not shown.
      </p>
      {loadProblem && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>The first rows could not be shown: {loadProblem}</MessageBarBody>
        </MessageBar>
      )}
      {!top && !loadProblem ? (
        <Loading label="Reading the first rows…" />
      ) : (
        <fieldset style={{ border: 'none', margin: 0, padding: 0, minWidth: 0 }}>
          <legend style={{ fontWeight: 600, padding: 0, marginBottom: 8 }}>Which row holds the column headings?</legend>
          <SheetRows
            caption={`The first rows of ${sample.sheet}`}
            columns={columns}
            rows={rows}
            chosenRow={headerRow}
            merged={sample.mergedRanges}
            firstHeader="Row"
            firstCell={(r) => (
              <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
                <input type="radio" id={`${name}-${r.row}`} name={name} checked={r.row === headerRow} onChange={() => onHeaderRow(r.row)} />
                <label htmlFor={`${name}-${r.row}`}>
                  Row {r.row}
                  {r.row === detected ? ' (suggested)' : ''}
                </label>
              </span>
            )}
          />
        </fieldset>
      )}
    </StepFrame>
  );
}
