/** The trend chart: local area against target and comparators. One image for screen readers: the table below carries the same data. */
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface TrendRow {
  period: string;
  local?: number;
  england?: number;
  region?: number;
  statistical_neighbours?: number;
  target?: number;
}

const SERIES: { key: keyof TrendRow; name: string; colour: string; dash?: string }[] = [
  { key: 'local', name: 'Local area', colour: '#1D70B8' },
  { key: 'england', name: 'England', colour: '#505A5F', dash: '6 3' },
  { key: 'region', name: 'Region', colour: '#912B88', dash: '2 3' },
  { key: 'statistical_neighbours', name: 'Statistical neighbours', colour: '#B58840', dash: '8 3 2 3' },
  { key: 'target', name: 'Target', colour: '#00703C', dash: '3 3' },
];

export default function TrendChart({ rows, unit }: { rows: TrendRow[]; unit: string }) {
  const present = SERIES.filter((s) => rows.some((r) => r[s.key] !== undefined));
  return (
    <div role="img" aria-label="Trend chart of the local area against target and comparators. The same figures are in the table below." style={{ width: '100%', height: 320 }}>
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 8, right: 24, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#E1DFDD" />
          <XAxis dataKey="period" />
          <YAxis unit={unit === '%' ? '%' : undefined} />
          <Tooltip />
          <Legend />
          {present.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.name} stroke={s.colour} strokeDasharray={s.dash} strokeWidth={s.key === 'local' ? 3 : 2} connectNulls isAnimationActive={false} dot />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
