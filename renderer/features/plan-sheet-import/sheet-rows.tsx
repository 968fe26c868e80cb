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
    // Whole words only (the page breaks long words anywhere): the table scrolls sideways instead.
    '& th, & td': { textAlign: 'left', verticalAlign: 'top', padding: '4px 8px', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: '6rem', maxWidth: '16rem', overflowWrap: 'normal', wordBreak: 'normal' },
    '& tbody th': { minWidth: '9rem', whiteSpace: 'nowrap' },
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

function columnNumber(letters: string): number {
  return [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
}

/** The cells a merge covers apart from its first ("A5:A7" → A6, A7): shown blank, as Excel shows them. */
export function mergedFollowers(ranges: string[]): Set<string> {
  const out = new Set<string>();
  for (const range of ranges) {
    const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
    if (!m) continue;
    const [c1, r1, c2, r2] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3]!), Number(m[4])];
    // A sheet-wide merge is not worth walking cell by cell.
    if ((c2 - c1 + 1) * (r2 - r1 + 1) > 20_000) continue;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) if (r !== r1 || c !== c1) out.add(`${c}:${r}`);
  }
  return out;
}

export interface SheetRow {
  row: number;
  cells: string[];
}

export function SheetRows({
  caption,
  columns,
  rows,
  firstCell,
  firstHeader,
  chosenRow,
  merged = [],
}: {
  caption: string;
  columns: string[];
  rows: SheetRow[];
  firstCell(row: SheetRow): ReactNode;
  firstHeader: string;
  chosenRow?: number | null;
  merged?: string[];
}) {
  const s = useStyles();
  const hidden = mergedFollowers(merged);
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
              {columns.map((c, i) => {
                const text = hidden.has(`${columnNumber(c)}:${r.row}`) ? '' : (r.cells[i] ?? '');
                return (
                  <td key={c} title={text.length > 60 ? text : undefined}>
                    {cut(text)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
