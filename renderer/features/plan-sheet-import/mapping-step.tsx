/**
 * Step 4: which column holds which field. Each field starts from the mapping saved for a sheet with
 * these headings, if there is one, else from a guess made from the heading words; the officer can
 * change any of them, or switch between the saved and the guessed mapping.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ukDate } from '../../../electron/contract/format';
import type { PlanSheetField } from '../../../electron/contract/groups/plan-sheet';
import { StepFrame, type FrameProps } from './step-frame';
import { cut } from './sheet-rows';
import { FIELDS, FIELD_HINTS, REQUIRED_FIELDS, fieldLabel, mapSelectId, type Mapping, type Sample } from './wizard-model';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& thead th': { borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
    '& tbody th': { fontWeight: tokens.fontWeightRegular, width: '34%' },
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  required: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  hint: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  select: { minWidth: '14rem' },
  example: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});

const same = (a: Mapping, b: Mapping) => FIELDS.every((f) => (a[f] ?? '') === (b[f] ?? ''));

export function MappingStep({ frame, sample, mapping, onMapping, onBack, onNext }: { frame: FrameProps; sample: Sample; mapping: Mapping; onMapping(m: Mapping): void; onBack(): void; onNext(): void }) {
  const s = useStyles();
  const remembered = sample.remembered;
  const usingRemembered = !!remembered && same(mapping, remembered.mapping);
  const usingGuess = same(mapping, sample.guessedMapping);
  const example = (column: string | undefined) => {
    const i = sample.headerCells.findIndex((c) => c.column === column);
    if (i < 0) return '';
    return sample.rows.map((r) => r.cells[i] ?? '').find((t) => t.trim() !== '') ?? '';
  };
  const origin = (f: PlanSheetField) => {
    const c = mapping[f];
    if (!c) return '';
    if (usingRemembered) return 'As you saved it';
    return sample.guessedMapping[f] === c ? 'Guessed from the heading' : 'Your choice';
  };
  const mapped = FIELDS.filter((f) => mapping[f]).length;
  return (
    <StepFrame {...frame} onBack={onBack} next={{ label: 'Continue', onNext }}>
      <p>
        Say which column of “{sample.sheet}” holds each part of the plan (headings in row {sample.headerRow ?? '–'}). Choose “Not in this spreadsheet” for anything the sheet does not have.{' '}
        {mapped} of {FIELDS.length} fields are matched now.
      </p>
      {remembered && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {usingRemembered
              ? `These are the columns you saved on ${ukDate(remembered.savedAt.slice(0, 10))} for a spreadsheet with the same headings.`
              : `You saved a mapping for a spreadsheet with the same headings on ${ukDate(remembered.savedAt.slice(0, 10))}.`}
          </MessageBarBody>
          <MessageBarActions>
            {usingRemembered ? (
              !usingGuess && <Button onClick={() => onMapping({ ...sample.guessedMapping })}>Use the guess from the headings instead</Button>
            ) : (
              <Button onClick={() => onMapping({ ...remembered.mapping })}>Use your saved mapping</Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={s.scroll}>
        <table className={s.table}>
          <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>Columns for each field</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the spreadsheet</th>
              <th scope="col">First value in that column</th>
            </tr>
          </thead>
          <tbody>
            {FIELDS.map((f) => {
              const required = REQUIRED_FIELDS.includes(f);
              const id = mapSelectId(f);
              return (
                <tr key={f}>
                  <th scope="row">
                    <label htmlFor={id} className={s.label}>
                      {fieldLabel(f)}
                    </label>
                    {required && <span className={s.required}> (required)</span>}
                    {FIELD_HINTS[f] && (
                      <span id={`${id}-hint`} className={s.hint}>
                        {FIELD_HINTS[f]}
                      </span>
                    )}
                  </th>
                  <td>
                    <Select
                      id={id}
                      className={s.select}
                      value={mapping[f] ?? ''}
                      aria-required={required || undefined}
                      aria-invalid={frame.problem?.items?.some((i) => i.target === id) || undefined}
                      aria-describedby={FIELD_HINTS[f] ? `${id}-hint` : undefined}
                      onChange={(_, d) => onMapping({ ...mapping, [f]: d.value || undefined })}
                    >
                      <option value="">Not in this spreadsheet</option>
                      {sample.headerCells.map((c) => (
                        <option key={c.column} value={c.column}>
                          {`${c.column}: ${c.text ? cut(c.text, 50) : '(no heading)'}`}
                        </option>
                      ))}
                    </Select>
                    {origin(f) && <span className={s.hint}>{origin(f)}</span>}
                  </td>
                  <td className={s.example}>{cut(example(mapping[f]), 80)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </StepFrame>
  );
}
