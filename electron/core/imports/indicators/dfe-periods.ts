/**
 * DfE "tidy data" periods: `time_period` (2023, 202324) with `time_identifier` ("Academic year",
 * "Financial year", "Calendar year", terms…), rendered the way DfE publications write them:
 * academic 2023/24, financial 2023-24, calendar 2023. One function, used by the preview and the CLI.
 */
export interface DfePeriod {
  label: string;
  /** ISO date the period starts, for ordering and the value's period start. */
  start: string;
}

const TERM_START: Record<string, [number, string]> = {
  'autumn term': [0, '09-01'],
  'autumn and spring term': [0, '09-01'],
  'spring term': [1, '01-01'],
  'summer term': [1, '04-01'],
  'full academic year': [0, '09-01'],
};

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The period in DfE's words, or null when `time_period` is not a year form DfE uses. */
export function dfePeriod(timePeriod: string, timeIdentifier: string): DfePeriod | null {
  const tp = timePeriod.trim();
  const id = timeIdentifier.trim().toLowerCase();
  const six = /^(\d{4})(\d{2})$/.exec(tp);
  const four = /^(\d{4})$/.exec(tp);
  if (six) {
    const y = Number(six[1]);
    if ((y + 1) % 100 !== Number(six[2])) return null;
    const short = six[2]!;
    if (id === 'financial year') return { label: `${y}-${short}`, start: `${y}-04-01` };
    if (id === 'academic year' || id === '') return { label: `${y}/${short}`, start: `${y}-09-01` };
    const term = TERM_START[id];
    if (term) return { label: `${y}/${short} ${timeIdentifier.trim()}`, start: `${y + term[0]}-${term[1]}` };
    return { label: `${y}/${short} ${timeIdentifier.trim()}`, start: `${y}-09-01` };
  }
  if (four) {
    const y = Number(four[1]);
    if (id === 'calendar year' || id === '' || id === 'reporting year') return { label: `${y}`, start: `${y}-01-01` };
    const month = MONTHS.indexOf(id);
    if (month >= 0) return { label: `${timeIdentifier.trim()} ${y}`, start: `${y}-${String(month + 1).padStart(2, '0')}-01` };
    const quarter = /^(?:calendar year )?q([1-4])$/.exec(id) ?? /^quarter ([1-4])$/.exec(id);
    if (quarter) return { label: `${y} Q${quarter[1]}`, start: `${y}-${String((Number(quarter[1]) - 1) * 3 + 1).padStart(2, '0')}-01` };
    return { label: `${y} ${timeIdentifier.trim()}`.trim(), start: `${y}-01-01` };
  }
  return null;
}

/** The workbook's period type for a label written by `dfePeriod`. */
export function periodTypeOfLabel(label: string): 'academic_year' | 'financial_year' | 'calendar_year' | 'term' | 'quarter' | 'month' {
  if (/^\d{4}\/\d{2}$/.test(label)) return 'academic_year';
  if (/^\d{4}-\d{2}$/.test(label)) return 'financial_year';
  if (/^\d{4}$/.test(label)) return 'calendar_year';
  if (/term/i.test(label)) return 'term';
  if (/ Q[1-4]$/.test(label)) return 'quarter';
  return 'month';
}
