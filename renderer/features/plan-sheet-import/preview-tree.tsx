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

type DateNote = Preview['dates'][number];

/** The note on a date that was not a plain date: same row, one of the fields, and the same date used (a cell of milestones has several). */
function noteFor(notes: DateNote[], row: number, fields: string[], iso: string | null): DateNote | undefined {
  return notes.find((d) => d.row === row && fields.includes(d.field) && d.value === iso);
}

function When({ iso, note }: { iso: string | null; note: DateNote | undefined }) {
  const s = useStyles();
  if (iso) {
    return (
      <>
        {ukDate(iso)}
        {note?.problem === 'approximate' && <span className={s.flag}> (approximate)</span>}
      </>
    );
  }
  return (
    <>
      no date
      {note && <span className={s.flag}> (“{note.text}”{note.problem === 'unreadable' ? ' is not a date' : ''})</span>}
    </>
  );
}

function ActionItem({ a, notes }: { a: PlanSheetAction; notes: DateNote[] }) {
  const s = useStyles();
  const note = (field: string, iso: string | null) => noteFor(notes, a.row, [field], iso);
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
        {(a.startsOn || note('startsOn', null)) && (
          <span>
            Starts: <When iso={a.startsOn} note={note('startsOn', a.startsOn)} />
          </span>
        )}
        <span>
          Due: <When iso={a.dueOn} note={note('dueOn', a.dueOn)} />
        </span>
        {(a.revisedDueOn || note('revisedDueOn', null)) && (
          <span>
            Revised due: <When iso={a.revisedDueOn} note={note('revisedDueOn', a.revisedDueOn)} />
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
              {m.title}:{' '}
              {m.dueOn ? (
                <>
                  due <When iso={m.dueOn} note={noteFor(notes, m.row, ['milestones', 'milestoneDueOn', 'dueOn'], m.dueOn)} />
                </>
              ) : (
                'no due date'
              )}
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
                  <ActionItem key={`${a.row}-${a.reference}`} a={a} notes={preview.dates} />
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </>
  );
}
