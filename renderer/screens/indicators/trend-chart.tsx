/**
 * The trend chart: local area against target and comparators, on a real time axis (a missing year
 * leaves a visible gap), straight segments, each comparator plotted at its own periods, the target
 * as target markers (not a line), and provisional values drawn hollow (issue #13). One image for
 * screen readers: the table below carries the same figures, with provisional values marked.
 */
import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';

export type Geo = 'local' | 'england' | 'region' | 'statistical_neighbours';

export interface TrendRow {
  period: string;
  /** Start of the period as a time stamp (ms): positions the point on the time axis; null when unknown. */
  time: number | null;
  local?: number;
  england?: number;
  region?: number;
  statistical_neighbours?: number;
  target?: number;
  /** Which of the values of this period are provisional. */
  provisional: Partial<Record<Geo, boolean>>;
}

const SERIES: { key: Geo; name: string; colour: string; dash?: string }[] = [
  { key: 'local', name: 'Local area', colour: '#1D70B8' },
  { key: 'england', name: 'England', colour: '#505A5F', dash: '6 3' },
  { key: 'region', name: 'Region', colour: '#912B88', dash: '2 3' },
  { key: 'statistical_neighbours', name: 'Statistical neighbours', colour: '#B58840', dash: '8 3 2 3' },
];

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: TrendRow;
  value?: number | null;
}

/** Filled for a final figure, hollow for a provisional one. */
function pointFor(geo: Geo, colour: string) {
  function Point({ cx, cy, payload, value }: DotProps) {
    if (cx == null || cy == null || value == null) return <g />;
    const provisional = payload?.provisional[geo] === true;
    return <circle cx={cx} cy={cy} r={geo === 'local' ? 5 : 4} stroke={colour} strokeWidth={2} fill={provisional ? '#FFFFFF' : colour} />;
  }
  return Point;
}

function TargetMark({ cx, cy }: DotProps) {
  if (cx == null || cy == null) return <g />;
  // A bar with a cross: reads as "the mark to reach", not as another series of values.
  return (
    <g stroke="#00703C" strokeWidth={3}>
      <line x1={cx - 9} y1={cy} x2={cx + 9} y2={cy} />
      <line x1={cx} y1={cy - 6} x2={cx} y2={cy + 6} />
    </g>
  );
}

export default function TrendChart({ rows, unit }: { rows: TrendRow[]; unit: string }) {
  const placed = rows.filter((r): r is TrendRow & { time: number } => r.time != null).sort((a, b) => a.time - b.time);
  const present = SERIES.filter((s) => placed.some((r) => r[s.key] !== undefined));
  const labelOf = new Map(placed.map((r) => [r.time, r.period]));
  const unitWords = unit === '%' ? 'per cent' : unit || 'value';
  const anyProvisional = placed.some((r) => Object.values(r.provisional).some(Boolean));
  return (
    <div
      role="img"
      aria-label={`Trend chart of the local area against target and comparators, over time. ${anyProvisional ? 'Hollow points are provisional. ' : ''}The same figures are in the table below.`}
      style={{ width: '100%', height: 360 }}
    >
      <ResponsiveContainer>
        <ComposedChart data={placed} margin={{ top: 8, right: 24, bottom: 28, left: 16 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#E1DFDD" />
          <XAxis
            dataKey="time"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            ticks={placed.map((r) => r.time)}
            tickFormatter={(t: number) => labelOf.get(t) ?? new Date(t).getUTCFullYear().toString()}
            label={{ value: 'Period (placed at its start date)', position: 'insideBottom', offset: -16 }}
          />
          <YAxis unit={unit === '%' ? '%' : undefined} label={{ value: `Value (${unitWords})`, angle: -90, position: 'insideLeft', offset: 0 }} />
          <Tooltip labelFormatter={(t) => labelOf.get(Number(t)) ?? ''} />
          <Legend verticalAlign="top" />
          {present.map((s) => (
            <Line
              key={s.key}
              type="linear"
              dataKey={s.key}
              name={s.name}
              stroke={s.colour}
              strokeDasharray={s.dash}
              strokeWidth={s.key === 'local' ? 3 : 2}
              connectNulls
              isAnimationActive={false}
              dot={pointFor(s.key, s.colour)}
            />
          ))}
          {placed.some((r) => r.target !== undefined) && <Scatter dataKey="target" name="Target" fill="#00703C" shape={TargetMark} isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
