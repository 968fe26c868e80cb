/**
 * Step 7: what the import will do, before anything is written — the plan as a tree with counts,
 * the rows that will be skipped and why, the people and partners to be added, and the dates that
 * were not plain dates — then Import, in one go.
 */
import { Checkbox, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { PLAN_SHEET_FIELD_LABELS } from '../../../electron/contract/groups/plan-sheet';
import { ukDate } from '../../../electron/contract/format';
import { PreviewTree } from './preview-tree';
import { StepFrame, type FrameProps } from './step-frame';
import { plural, type Preview } from './wizard-model';

const useStyles = makeStyles({
  h3: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', padding: 0, margin: 0 },
  count: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground2 },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
    '& thead th': { borderBottom: `2px solid ${tokens.colorNeutralStroke1}` },
  },
  names: { columnCount: 2, maxWidth: '40rem', margin: 0, '@media (max-width: 760px)': { columnCount: 1 } },
});

const DATE_PROBLEMS: Record<string, string> = { approximate: 'approximate', no_date: 'no date', unreadable: 'not a date' };

export function PreviewStep({ frame, preview, remember, onRemember, onBack, onImport }: { frame: FrameProps; preview: Preview; remember: boolean; onRemember(on: boolean): void; onBack(): void; onImport(): void }) {
  const s = useStyles();
  const c = preview.counts;
  const newPlan = preview.plan.id === null;
  const counts: [number, string, string][] = [
    [c.priorities, 'priority', 'priorities'],
    [c.actions, 'action', 'actions'],
    [c.milestones, 'milestone', 'milestones'],
    [c.progressUpdates, 'progress update', 'progress updates'],
    [c.people, 'person', 'people'],
    [c.partners, 'partner', 'partners'],
    [c.rowsSkipped, 'row skipped', 'rows skipped'],
  ];
  return (
    <StepFrame {...frame} onBack={onBack} next={{ label: 'Import', onNext: onImport, disabled: !preview.canApply }}>
      <p>
        {newPlan ? `A new plan, “${preview.plan.title}”, will be created` : `The priorities will go into “${preview.plan.title}”`} from “{preview.sheet}” of {preview.fileName} (headings in row{' '}
        {preview.headerRow}, {plural(c.rowsRead, 'row')} read{c.blankRows ? `, ${plural(c.blankRows, 'blank row')} left out` : ''}). Nothing has been saved yet.
      </p>
      <ul className={s.counts} aria-label="What will be created">
        {counts.map(([n, one, many]) => (
          <li key={one} className={s.count}>
            <span className={s.big}>{n.toLocaleString('en-GB')}</span>
            {n === 1 ? one : many}
            {one === 'priority' && c.prioritiesExisting ? ` (${c.prioritiesExisting} already in the plan)` : ''}
          </li>
        ))}
      </ul>
      {!preview.canApply && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>This cannot be imported yet</MessageBarTitle>
            {preview.blockers.length === 1 ? (
              preview.blockers[0]
            ) : (
              <ul style={{ margin: 0 }}>
                {preview.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}

      <h3 className={s.h3}>Priorities, actions and milestones</h3>
      {preview.priorities.length === 0 ? (
        <p>
          Nothing would be created.{' '}
          {preview.skipped.length > 0 ? 'Every row is skipped: the reasons are below.' : 'No actions were found with these columns: go back and check the header row and the columns.'}
        </p>
      ) : (
        <PreviewTree preview={preview} />
      )}

      <h3 className={s.h3}>Rows that will be skipped</h3>
      {preview.skipped.length === 0 ? (
        <p>None{c.blankRows ? ` (apart from ${plural(c.blankRows, 'blank row')})` : ''}.</p>
      ) : (
        <table className={s.table}>
          <caption style={{ textAlign: 'left', paddingBottom: 4 }}>{plural(preview.skipped.length, 'row')} not imported, with the reason</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Why it is skipped</th>
            </tr>
          </thead>
          <tbody>
            {preview.skipped.map((r) => (
              <tr key={r.row}>
                <th scope="row">{r.row}</th>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className={s.h3}>People and partners to be added</h3>
      {preview.peopleToCreate.length === 0 && preview.partnersToCreate.length === 0 ? (
        <p>None: everyone named is already in the workbook.</p>
      ) : (
        <>
          {preview.peopleToCreate.length > 0 && (
            <>
              <p>{plural(preview.peopleToCreate.length, 'person', 'people')} (leads and senior responsible officers), added to Settings › People:</p>
              <ul className={s.names}>
                {preview.peopleToCreate.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
          {preview.partnersToCreate.length > 0 && (
            <>
              <p>{plural(preview.partnersToCreate.length, 'partner organisation')}, added to Settings › Partners:</p>
              <ul className={s.names}>
                {preview.partnersToCreate.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}

      <h3 className={s.h3}>Dates to check</h3>
      {preview.dates.length === 0 ? (
        <p>Every date was a plain date.</p>
      ) : (
        <table className={s.table}>
          <caption style={{ textAlign: 'left', paddingBottom: 4 }}>Dates that were not written as plain dates; approximate ones use the last day of the month or quarter</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">In the spreadsheet</th>
              <th scope="col">Date used</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {preview.dates.map((d) => (
              <tr key={`${d.row}-${d.field}-${d.text}`}>
                <th scope="row">{d.row}</th>
                <td>{PLAN_SHEET_FIELD_LABELS[d.field]}</td>
                <td>{d.text}</td>
                <td>
                  {d.value ? ukDate(d.value) : 'None'} <strong>({DATE_PROBLEMS[d.problem]})</strong>
                </td>
                {/* The row is in the first column already. */}
                <td>{d.message.replace(/^Row \d+:\s*/, '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3 className={s.h3}>Import</h3>
      <Checkbox checked={remember} onChange={(_, d) => onRemember(d.checked === true)} label="Remember these columns and word meanings for the next spreadsheet with the same headings" />
      <p>
        Everything is written in one go, after a backup of the workbook.{' '}
        {newPlan ? 'To undo the whole import afterwards, delete the new plan: it goes to the Bin with everything imported into it.' : ''}
      </p>
    </StepFrame>
  );
}
