import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBankHolidays, parseBankHolidayFile } from '../../electron/core/inspection-week/bank-holidays';
import {
  addWorkingDays,
  coverageWarning,
  explainNonWorkingDay,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
} from '../../electron/core/inspection-week/working-days';

const holidays = loadBankHolidays();

/** Easter Sunday (Meeus/Jones/Butcher), to check the data file independently. */
function easterSunday(y: number): string {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('bank holiday data', () => {
  it('covers 2016 to 2030 with eight or more bank holidays every year', () => {
    for (let y = 2016; y <= 2030; y++) {
      const inYear = [...holidays.byDate.keys()].filter((d) => d.startsWith(`${y}-`));
      expect(inYear.length, String(y)).toBeGreaterThanOrEqual(8);
    }
    expect(holidays.coversFrom <= '2016-01-01' && holidays.coversTo >= '2030-12-31').toBe(true);
  });

  it('has Good Friday and Easter Monday right every year', () => {
    for (let y = 2016; y <= 2030; y++) {
      const easter = new Date(`${easterSunday(y)}T00:00:00Z`);
      const friday = new Date(easter.getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
      const monday = new Date(easter.getTime() + 86_400_000).toISOString().slice(0, 10);
      expect(holidays.byDate.get(friday)).toBe('Good Friday');
      expect(holidays.byDate.get(monday)).toBe('Easter Monday');
    }
  });

  it('includes the special days and the moved ones', () => {
    expect(holidays.byDate.get('2022-06-02')).toMatch(/Spring/);
    expect(holidays.byDate.get('2022-06-03')).toMatch(/Platinum Jubilee/);
    expect(holidays.byDate.get('2022-09-19')).toMatch(/State Funeral/);
    expect(holidays.byDate.get('2023-05-08')).toMatch(/coronation/i);
    expect(holidays.byDate.get('2020-05-08')).toMatch(/VE/);
    expect(holidays.byDate.has('2022-05-30')).toBe(false);
    expect(holidays.byDate.has('2020-05-04')).toBe(false);
  });

  it('has substitute days when Christmas or New Year fall at a weekend', () => {
    for (const d of ['2021-12-27', '2021-12-28', '2022-01-03', '2022-12-26', '2022-12-27', '2023-01-02', '2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03']) {
      expect(holidays.byDate.has(d), d).toBe(true);
    }
  });

  it('refuses a damaged file and says what is wrong', () => {
    const file = JSON.parse(readFileSync(path.join(__dirname, '../../resources/bank-holidays-england-wales.json'), 'utf8'));
    expect(() => parseBankHolidayFile({ ...file, events: [...file.events, { title: 'Made up', date: '2026-02-30' }] })).toThrow(/not a real date/);
    expect(() => parseBankHolidayFile({ ...file, events: [...file.events, file.events[0]] })).toThrow(/listed twice/);
    expect(() => parseBankHolidayFile({ ...file, division: 'scotland' })).toThrow(/invalid/);
  });
});

describe('working days', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2026-11-20', 1, holidays)).toBe('2026-11-23'); // Friday → Monday
    expect(addWorkingDays('2026-11-16', 10, holidays)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-16', 0, holidays)).toBe('2026-11-16');
  });

  it('counts across Christmas and New Year', () => {
    // Wed 23/12/2026 + 3: Thu 24, (Fri 25 Christmas, Mon 28 Boxing Day substitute) Tue 29, Wed 30.
    expect(addWorkingDays('2026-12-23', 3, holidays)).toBe('2026-12-30');
    // Thu 31/12/2026 + 1: Fri 1 January is a bank holiday → Mon 4/1/2027.
    expect(addWorkingDays('2026-12-31', 1, holidays)).toBe('2027-01-04');
    // 2021/22: Christmas and Boxing Day substitutes on 27 and 28, New Year substitute on 3 January.
    expect(addWorkingDays('2021-12-24', 1, holidays)).toBe('2021-12-29');
    expect(addWorkingDays('2021-12-31', 1, holidays)).toBe('2022-01-04');
    expect(workingDaysBetween('2021-12-24', '2022-01-04', holidays)).toBe(4);
  });

  it('counts across Easter', () => {
    // Thu 2/4/2026 + 1: Good Friday 3/4 and Easter Monday 6/4 → Tue 7/4.
    expect(addWorkingDays('2026-04-02', 1, holidays)).toBe('2026-04-07');
    expect(addWorkingDays('2024-03-28', 2, holidays)).toBe('2024-04-03');
  });

  it('counts the 2022 special days', () => {
    // Wed 1/6/2022 + 1: Thu 2 and Fri 3 June are bank holidays → Mon 6/6.
    expect(addWorkingDays('2022-06-01', 1, holidays)).toBe('2022-06-06');
    // Fri 16/9/2022 + 1: Mon 19/9 is the State Funeral → Tue 20/9.
    expect(addWorkingDays('2022-09-16', 1, holidays)).toBe('2022-09-20');
    // The spring bank holiday moved: Mon 30/5/2022 was a working day.
    expect(isWorkingDay('2022-05-30', holidays)).toBe(true);
    expect(addWorkingDays('2023-05-05', 1, holidays)).toBe('2023-05-09');
  });

  it('counts working days between two dates, either way round', () => {
    expect(workingDaysBetween('2026-11-16', '2026-11-30', holidays)).toBe(10);
    expect(workingDaysBetween('2026-11-30', '2026-11-16', holidays)).toBe(-10);
    expect(workingDaysBetween('2026-11-16', '2026-11-16', holidays)).toBe(0);
  });

  it('explains a weekend or bank holiday instead of moving it', () => {
    expect(explainNonWorkingDay('2026-11-22', holidays)).toBe('22/11/2026 is a Sunday: the next working day is 23/11/2026.');
    expect(explainNonWorkingDay('2026-12-25', holidays)).toBe('25/12/2026 is a bank holiday (Christmas Day): the next working day is 29/12/2026.');
    expect(explainNonWorkingDay('2026-11-23', holidays)).toBeNull();
    expect(nextWorkingDay('2022-06-02', holidays)).toBe('2022-06-06');
  });

  it('warns when a date is beyond the years the list covers', () => {
    expect(coverageWarning('2031-03-03', holidays)).toMatch(/not in the app's list/);
    expect(coverageWarning('2026-03-03', holidays)).toBeNull();
  });
});
