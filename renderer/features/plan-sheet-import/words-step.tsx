/**
 * Step 5: what each status and RAG word of the spreadsheet means in the workbook. Words the app
 * knows (or that you mapped before) are filled in; a word it does not know must be given a meaning
 * here: nothing is guessed silently, and Import is refused while any is left.
 */
import { Select, makeStyles, tokens } from '@fluentui/react-components';
import { label } from '../../../electron/contract/enums';
import type { Problem } from './problem-summary';
import { StepFrame, type FrameProps } from './step-frame';
import { meaningOptions, plural, rowList, type Preview } from './wizard-model';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: '6px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& thead th': { borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  },
  unknown: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  select: { minWidth: '14rem' },
});

const FROM: Record<string, string> = { default: 'The app’s usual meaning', yours: 'Your meaning', unknown: 'Not known: choose' };
const wordSelectId = (i: number) => `plan-sheet-word-${i}`;

type Word = Preview['words'][number];

export function WordsStep({
  frame,
  preview,
  statusMap,
  ragMap,
  onChange,
  onBack,
  onNext,
}: {
  frame: FrameProps;
  preview: Preview;
  statusMap: Record<string, string>;
  ragMap: Record<string, string>;
  onChange(field: 'status' | 'rag', key: string, value: string): void;
  onBack(): void;
  /** With the words still without a meaning, if any. */
  onNext(missing: Problem | null): void;
}) {
  const s = useStyles();
  // Words not known first, then by column and word.
  const words = [...preview.words].sort((a, b) => Number(b.from === 'unknown') - Number(a.from === 'unknown') || a.field.localeCompare(b.field) || a.word.localeCompare(b.word, 'en-GB'));
  const chosen = (w: Word) => (w.field === 'status' ? statusMap[w.key] : ragMap[w.key]) ?? w.mapsTo ?? '';
  const columnName = (w: Word) => (w.field === 'status' ? 'Status' : 'RAG rating');
  const unknown = words.filter((w) => w.from === 'unknown');
  const check = () => {
    const missing = words.map((w, i) => ({ w, i })).filter(({ w }) => chosen(w) === '');
    onNext(missing.length ? { items: missing.map(({ w, i }) => ({ message: `Choose what “${w.word}” (${columnName(w).toLowerCase()}, ${rowList(w.rows).toLowerCase()}) means.`, target: wordSelectId(i) })) } : null);
  };
  return (
    <StepFrame {...frame} onBack={onBack} next={{ label: words.length ? 'Confirm these meanings' : 'Continue', onNext: check }}>
      {words.length === 0 ? (
        <p>No status or RAG column is matched, or those columns are empty, so there are no words to check. Every action starts as “{label('not_started')}”.</p>
      ) : (
        <>
          <p>
            The spreadsheet uses {plural(words.length, 'different status or RAG word')}.{' '}
            {unknown.length > 0
              ? `The app does not know ${unknown.length === 1 ? 'one of them' : plural(unknown.length, 'of them', 'of them')}: choose what ${unknown.length === 1 ? 'it means' : 'each means'}. `
              : 'The app knows all of them. '}
            Check the meanings, then confirm them. What you choose here is also remembered if you keep the mapping.
          </p>
          <div className={s.scroll}>
            <table className={s.table}>
              <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 8 }}>Status and RAG words in the spreadsheet</caption>
              <thead>
                <tr>
                  <th scope="col">Word as written</th>
                  <th scope="col">Column</th>
                  <th scope="col">Where</th>
                  <th scope="col">Means in the workbook</th>
                </tr>
              </thead>
              <tbody>
                {words.map((w, i) => (
                  <tr key={`${w.field}-${w.key}`}>
                    <th scope="row">
                      <label htmlFor={wordSelectId(i)}>“{w.word}”</label>
                      <div className={w.from === 'unknown' && chosen(w) === '' ? s.unknown : undefined} style={{ fontSize: 12, fontWeight: w.from === 'unknown' ? 600 : 400 }}>
                        {w.from === 'unknown' && chosen(w) !== '' ? 'New word: your meaning' : FROM[w.from]}
                      </div>
                    </th>
                    <td>{columnName(w)}</td>
                    <td>{rowList(w.rows)}</td>
                    <td>
                      <Select
                        id={wordSelectId(i)}
                        className={s.select}
                        value={chosen(w)}
                        aria-required
                        aria-invalid={frame.problem?.items?.some((item) => item.target === wordSelectId(i)) || undefined}
                        onChange={(_, d) => onChange(w.field, w.key, d.value)}
                      >
                        {chosen(w) === '' && <option value="">Choose…</option>}
                        {meaningOptions(w.field).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </Select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </StepFrame>
  );
}
