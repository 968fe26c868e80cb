/**
 * A plain, accessible table (real <th scope>, a caption) for the modest lists on most screens.
 * Columns with `sortValue` sort when their header is chosen; the order is announced (aria-sort and
 * a polite status) and, with `sortKey`, remembered for the session (issue #15).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { ArrowSortDown16Regular, ArrowSortUp16Regular } from '@fluentui/react-icons';
import { useMemo, type ReactNode } from 'react';
import { useRemembered } from './use-remembered';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', padding: tokens.spacingHorizontalM, fontWeight: tokens.fontWeightSemibold },
  th: { textAlign: 'left', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold, verticalAlign: 'bottom', whiteSpace: 'nowrap' },
  td: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top', overflowWrap: 'break-word' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  sortButton: {
    border: 'none',
    background: 'none',
    padding: 0,
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
    ':hover': { textDecoration: 'underline' },
  },
  hidden: { position: 'absolute', left: '-10000px', width: '1px', height: '1px', overflow: 'hidden' },
});

/** The buttons in a row's last cell (Edit, Move to Bin), side by side and wrapping when narrow. */
export function RowButtons({ children }: { children: ReactNode }) {
  return <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>{children}</div>;
}

export interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
  numeric?: boolean;
  /** The row's name column: rendered as <th scope="row">. */
  rowHeader?: boolean;
  /** Makes the column sortable: the value rows are ordered by (text compared in English order). */
  sortValue?(row: T): string | number | null;
  /** A fixed width (e.g. '8rem'), so tables of one screen line up. */
  width?: string;
}

type Sort = { column: string; descending: boolean } | null;

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || a === '') return b === null || b === '' ? 0 : 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-GB', { numeric: true, sensitivity: 'base' });
}

export function DataTable<T>({
  rows,
  columns,
  caption,
  rowKey,
  captionHidden,
  sortKey,
  fixedWidths,
}: {
  rows: T[];
  columns: Column<T>[];
  caption: string;
  rowKey(row: T): string | number;
  captionHidden?: boolean;
  /** Remembers the chosen sort for this table under this key (for the session). */
  sortKey?: string;
  /**
   * Lays the table out by its columns' `width`s alone (the columns without one share what is
   * left), so several tables of one screen line up whatever their rows hold. The value is the
   * narrowest the table may get before it scrolls sideways (e.g. '44rem').
   */
  fixedWidths?: string;
}) {
  const s = useStyles();
  const [sort, setSort] = useRemembered<Sort>(`sort.${sortKey ?? caption}`, null);
  const sortColumn = columns.find((c) => c.header === sort?.column && c.sortValue);
  const shown = useMemo(() => {
    if (!sort || !sortColumn?.sortValue) return rows;
    const value = sortColumn.sortValue;
    const sorted = [...rows].sort((a, b) => compare(value(a), value(b)));
    return sort.descending ? sorted.reverse() : sorted;
  }, [rows, sort, sortColumn]);
  const choose = (header: string) => setSort(sort?.column === header ? { column: header, descending: !sort.descending } : { column: header, descending: false });
  return (
    <div className={s.wrap}>
      <table className={s.table} style={fixedWidths ? { tableLayout: 'fixed', minWidth: fixedWidths } : undefined}>
        <caption className={s.caption} style={captionHidden ? { position: 'absolute', left: -10000 } : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sortColumn === c;
              return (
                <th
                  key={c.header}
                  scope="col"
                  className={`${s.th} ${c.numeric ? s.num : ''}`}
                  style={c.width ? { width: c.width } : undefined}
                  aria-sort={c.sortValue ? (active ? (sort!.descending ? 'descending' : 'ascending') : 'none') : undefined}
                >
                  {c.sortValue ? (
                    <button type="button" className={s.sortButton} onClick={() => choose(c.header)}>
                      {c.header}
                      {active && (sort!.descending ? <ArrowSortDown16Regular aria-hidden /> : <ArrowSortUp16Regular aria-hidden />)}
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) =>
                c.rowHeader ? (
                  <th key={c.header} scope="row" className={s.td} style={{ fontWeight: 'normal' }}>
                    {c.cell(r)}
                  </th>
                ) : (
                  <td key={c.header} className={`${s.td} ${c.numeric ? s.num : ''}`}>
                    {c.cell(r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {sortColumn && (
        <span role="status" className={s.hidden}>
          {`${caption} sorted by ${sortColumn.header}, ${sort!.descending ? 'descending' : 'ascending'}.`}
        </span>
      )}
    </div>
  );
}
