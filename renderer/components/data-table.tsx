/** A plain, accessible table (real <th scope>, a caption) for the modest lists on most screens. */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', backgroundColor: tokens.colorNeutralBackground1, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'left', padding: tokens.spacingHorizontalM, fontWeight: tokens.fontWeightSemibold },
  th: { textAlign: 'left', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `2px solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold, verticalAlign: 'bottom', whiteSpace: 'nowrap' },
  td: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' },
  num: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
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
}

export function DataTable<T>({ rows, columns, caption, rowKey, captionHidden }: { rows: T[]; columns: Column<T>[]; caption: string; rowKey(row: T): string | number; captionHidden?: boolean }) {
  const s = useStyles();
  return (
    <div className={s.wrap}>
      <table className={s.table}>
        <caption className={s.caption} style={captionHidden ? { position: 'absolute', left: -10000 } : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={`${s.th} ${c.numeric ? s.num : ''}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
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
    </div>
  );
}
