/** Step 2: which sheet of the workbook holds the plan (a CSV file has just one). */
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { StepFrame, type FrameProps } from './step-frame';
import { plural, type Sample } from './wizard-model';

export function SheetStep({ frame, sample, sheet, onSheet, onBack, onNext }: { frame: FrameProps; sample: Sample; sheet: string; onSheet(name: string): void; onBack(): void; onNext(): void }) {
  const withData = sample.sheets.filter((x) => x.rowCount > 0);
  return (
    <StepFrame {...frame} onBack={onBack} next={{ label: 'Continue', onNext, disabled: !sheet }}>
      <p>
        {sample.fileName} ({sample.format === 'csv' ? 'CSV file' : 'Excel workbook'}){' '}
        {sample.format === 'csv'
          ? 'has one sheet.'
          : `has ${plural(sample.sheets.length, 'sheet')}${withData.length < sample.sheets.length ? `, ${withData.length} with anything in them` : ''}. Choose the one that holds the plan; the app suggests the one whose headings read most like a plan's.`}
      </p>
      <Field label="Sheet">
        <RadioGroup value={sheet} onChange={(_, d) => onSheet(d.value)}>
          {sample.sheets.map((x) => (
            <Radio key={x.name} value={x.name} disabled={x.rowCount === 0} label={`${x.name}: ${x.rowCount === 0 ? 'empty' : `${plural(x.rowCount, 'row')}, ${plural(x.columnCount, 'column')}`}`} />
          ))}
        </RadioGroup>
      </Field>
    </StepFrame>
  );
}
