/** The first rows of a sheet as a compact table, for choosing the header row and checking columns. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  scroll: {
    overflowX: 'auto',
    maxWidth: '100%',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  table: {
    borderCollapse: 'collapse',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, maxWidth: '16rem' },
    '& thead th': { backgroundColor: tokens.colorNeutralBackground3, whiteSpace: 'nowrap' },
  },
  hidden: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' },
  chosen: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
});

/** Long cells are cut, so a wide sheet stays readable; the full text is in the title. */
export function cut(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

export interface SheetRow {
  row: number;
  cells: string[];
}

export function SheetRows({ caption, columns, rows, firstCell, firstHeader, chosenRow }: { caption: string; columns: string[]; rows: SheetRow[]; firstCell(row: SheetRow): ReactNode; firstHeader: string; chosenRow?: number | null }) {
  const s = useStyles();
  return (
    // A region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
    <div className={s.scroll} role="region" aria-label={caption} tabIndex={0}>
      <table className={s.table}>
        <caption className={s.hidden}>
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{firstHeader}</th>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} className={r.row === chosenRow ? s.chosen : undefined}>
              <th scope="row">{firstCell(r)}</th>
              {columns.map((c, i) => (
                <td key={c} title={(r.cells[i] ?? '').length > 60 ? r.cells[i] : undefined}>
                  {cut(r.cells[i] ?? '')}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
