/** The preview's plan as a readable tree: priorities, their actions, and each action's milestones. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import type { PlanSheetAction, PlanSheetPriority } from '../../../electron/contract/groups/plan-sheet';
import { RagBadge } from '../../components/rag-badge';
import { plural, type Preview } from './wizard-model';

const useStyles = makeStyles({
  priority: { marginBottom: tokens.spacingVerticalL, paddingLeft: tokens.spacingHorizontalM, borderLeft: `4px solid ${tokens.colorBrandStroke1}` },
  h4: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalXS}` },
  meta: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: `0 0 ${tokens.spacingVerticalS}` },
  actions: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  action: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  what: { fontWeight: tokens.fontWeightSemibold },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200, margin: `${tokens.spacingVerticalXXS} 0` },
  milestones: { margin: `${tokens.spacingVerticalXXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL, fontSize: tokens.fontSizeBase200 },
  flag: { color: tokens.colorPaletteDarkOrangeForeground2, fontWeight: tokens.fontWeightSemibold },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, margin: 0 },
});

/** Dates the reader should know were not written as plain dates, by row and field. */
function flagsOf(preview: Preview): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of preview.dates) out.set(`${d.row}:${d.field}`, d.problem === 'approximate' ? 'approximate' : d.problem === 'no_date' ? `“${d.text}”: no date` : `“${d.text}” not read`);
  return out;
}

function When({ iso, flag }: { iso: string | null; flag: string | undefined }) {
  const s = useStyles();
  return (
    <>
      {iso ? ukDate(iso) : 'no date'}
      {flag && <span className={s.flag}> ({flag})</span>}
    </>
  );
}

function ActionItem({ a, flags }: { a: PlanSheetAction; flags: Map<string, string> }) {
  const s = useStyles();
  const flag = (field: string, row = a.row) => flags.get(`${row}:${field}`);
  return (
    <li className={s.action}>
      <div>
        <span className={s.what}>
          {a.reference} {a.what}
        </span>{' '}
        <span className={s.note}>(row {a.row})</span>
      </div>
      <div className={s.facts}>
        <span>Lead: {a.lead ?? '–'}</span>
        {a.sro && <span>SRO: {a.sro}</span>}
        {a.partner && <span>Partner: {a.partner}</span>}
        {(a.startsOn || flag('startsOn')) && (
          <span>
            Starts: <When iso={a.startsOn} flag={flag('startsOn')} />
          </span>
        )}
        <span>
          Due: <When iso={a.dueOn} flag={flag('dueOn')} />
        </span>
        {(a.revisedDueOn || flag('revisedDueOn')) && (
          <span>
            Revised due: <When iso={a.revisedDueOn} flag={flag('revisedDueOn')} />
          </span>
        )}
        <span>
          Status: {label(a.status)}
          {a.statusWord && a.statusWord.toLowerCase() !== label(a.status).toLowerCase() ? ` (“${a.statusWord}”)` : ''}
        </span>
        {a.rag && (
          <span>
            <RagBadge rag={a.rag} />
          </span>
        )}
      </div>
      {a.notes.map((n) => (
        <p key={n} className={s.note}>
          {n}
        </p>
      ))}
      {a.milestones.length > 0 && (
        <ul className={s.milestones} aria-label={`Milestones of action ${a.reference}`}>
          {a.milestones.map((m, i) => (
            <li key={`${m.row}-${i}`}>
              {m.title}: due <When iso={m.dueOn} flag={flag('milestoneDueOn', m.row) ?? flag('milestones', m.row)} />
              {m.status !== 'not_yet_due' ? `, ${label(m.status).toLowerCase()}` : ''}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function PreviewTree({ preview }: { preview: Preview }) {
  const s = useStyles();
  const flags = flagsOf(preview);
  return (
    <>
      {preview.priorities.map((p: PlanSheetPriority) => {
        const milestones = p.actions.reduce((n, a) => n + a.milestones.length, 0);
        return (
          <div key={`${p.reference}-${p.row}`} className={s.priority}>
            <h4 className={s.h4}>
              Priority {p.reference}: {p.title}
            </h4>
            <p className={s.meta}>
              {p.existingPriorityId ? 'Already in the plan: the actions are added to it. ' : 'New priority. '}
              {plural(p.actions.length, 'action')}, {plural(milestones, 'milestone')}. From row {p.row}.
            </p>
            {p.actions.length > 0 && (
              <ul className={s.actions} aria-label={`Actions of priority ${p.reference}`}>
                {p.actions.map((a) => (
                  <ActionItem key={`${a.row}-${a.reference}`} a={a} flags={flags} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}
