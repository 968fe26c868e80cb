/**
 * National statistics import (issue #16): a ~300 MB DfE tidy-data CSV is streamed (csv-parse) for
 * one indicator. The target is memory, not time: the process may grow by no more than 150 MB while
 * reading, however large the file. Baseline: reading the same file's bytes with no parsing.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { scanDfeCsv } from '../../electron/core/imports/indicators/dfe-tidy';
import { rssMb, summarise } from '../measure';
import { ok, type OpResult } from '../result';

const HEADER = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,sen_provision,age_group,percent_in_20_weeks,number_issued\n';

/** Writes a tidy-data file of about `targetMb`: 150 LAs × periods × filter values, with suppressed cells. */
async function writeCsv(file: string, targetMb: number): Promise<number> {
  const out = createWriteStream(file);
  out.write(HEADER);
  let bytes = HEADER.length;
  const ages = Array.from({ length: 26 }, (_, i) => `Age ${i}`);
  for (let year = 1990; bytes < targetMb * 1_048_576; year++) {
    const tp = `${year}${String((year + 1) % 100).padStart(2, '0')}`;
    for (const provision of ['EHC plan', 'SEN support', 'Total']) {
      for (const age of ages) {
        let chunk = `${tp},Academic year,National,E92000001,England,,,,,,${provision},${age},50.1,12000\n`;
        for (let la = 0; la < 150; la++) {
          const code = String(800 + la);
          const v = la % 17 === 0 ? 'c' : ((la * 7 + year) % 1000) / 10;
          chunk += `${tp},Academic year,Local authority,E92000001,England,E12000009,South West,${code},E06000${String(100 + la).padStart(3, '0')},Area ${la},${provision},${age},${v},${la}\n`;
        }
        bytes += chunk.length;
        if (!out.write(chunk)) await once(out, 'drain');
      }
    }
  }
  out.end();
  await once(out, 'finish');
  return statSync(file).size;
}

async function withPeak<T>(fn: () => Promise<T>): Promise<{ ms: number; startMb: number; peakMb: number }> {
  const startMb = rssMb();
  let peakMb = startMb;
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb())), 20);
  const t0 = performance.now();
  await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  return { ms, startMb, peakMb: Math.max(peakMb, rssMb()) };
}

export async function benchNationalStatistics(temp: string, targetMb = 300): Promise<OpResult> {
  const file = path.join(temp, 'dfe-tidy.csv');
  const size = await writeCsv(file, targetMb);
  const read = await withPeak(async () => {
    for await (const chunk of createReadStream(file, { highWaterMark: 1024 * 1024 })) void chunk;
  });
  const scan = await withPeak(() =>
    scanDfeCsv(file, size, { indicatorColumn: 'percent_in_20_weeks', filters: [{ column: 'sen_provision', value: 'EHC plan' }, { column: 'age_group', value: 'Age 5' }], area: { laCode: '801', region: 'South West', neighbours: ['E06000102', '803', '804'] } }),
  );
  const growth = scan.peakMb - scan.startMb;
  return ok('imports', `National statistics: stream a ${Math.round(size / 1_048_576)} MB DfE CSV for one indicator`, summarise([scan.ms], scan.peakMb), {
    baseline: { name: 'read the same bytes, no parsing', timing: summarise([read.ms], read.peakMb) },
    targets: [{ text: 'growth while reading < 150 MB', met: growth < 150 }],
    note: `RSS grew ${growth.toFixed(0)} MB while reading (from ${scan.startMb.toFixed(0)} MB)`,
  });
}
