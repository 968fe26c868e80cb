/** Step 1: choose the spreadsheet, by dropping it on the page or with the file picker; it is then sent with progress. */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { DocumentArrowUp20Regular } from '@fluentui/react-icons';
import { useId, useState, type DragEvent } from 'react';
import type { Sending } from '../../api/use-file-upload';
import { SendingProgress } from '../../components/sending-progress';
import { StepFrame, type FrameProps } from './step-frame';

const useStyles = makeStyles({
  drop: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '640px',
  },
  over: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  label: { fontWeight: tokens.fontWeightSemibold, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

export function FileStep({ frame, sent, onChoose }: { frame: FrameProps; sent: Sending | null; onChoose(file: File): void }) {
  const s = useStyles();
  const inputId = useId();
  const [over, setOver] = useState(false);
  const locked = !!sent || !!frame.busy;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file && !locked) onChoose(file);
  };
  return (
    <StepFrame {...frame}>
      <p>
        Choose the Excel workbook (.xlsx) or CSV file your partnership keeps its action plan in: a Written Statement of Action, accelerated progress plan or improvement plan, in
        whatever layout you use. Next you choose the sheet and say which column holds what. Nothing is saved until you choose Import at the end.
      </p>
      <div
        className={mergeClasses(s.drop, over && s.over)}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-drop-zone=""
      >
        <label htmlFor={inputId} className={s.label}>
          <DocumentArrowUp20Regular aria-hidden />
          Spreadsheet file (.xlsx or .csv)
        </label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-describedby={`${inputId}-hint`}
          disabled={locked}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) onChoose(file);
          }}
        />
        <p id={`${inputId}-hint`} className={s.hint}>
          Or drag the file here. An older .xls file must first be saved as .xlsx in Excel.
        </p>
      </div>
      <SendingProgress sending={sent} />
    </StepFrame>
  );
}
