/** Core CLI commands: demo, check, export-json, import-json (issue #2). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, type CliCommand } from '../command';

function refuseExisting(file: string): void {
  if (existsSync(file)) throw new CliError(`${file} already exists. Choose another name, or move the old file first.`);
}

const demo: CliCommand = {
  name: 'demo',
  summary: 'Create a demo workbook built from public council documents.',
  usage: 'workbook demo --out FILE',
  options: { out: { type: 'string' } },
  required: ['out'],
  async run({ values }, io, host) {
    const out = path.resolve(String(values.out));
    refuseExisting(out);
    // Typed in through the contract, exactly as an officer could have (fillDemoWorkbook).
    const { DEMO_WORKBOOK, fillDemoWorkbook } = await import('../../../core/demo/build-demo');
    await host.withNewWorkbook(out, DEMO_WORKBOOK, fillDemoWorkbook);
    io.out(`Demo workbook created: ${out}`);
    return 0;
  },
};

const check: CliCommand = {
  name: 'check',
  summary: 'Check a workbook: integrity, schema version, its history against every record and against what this computer last saw, and counts.',
  usage: 'workbook check --workbook FILE [--full] [--json]',
  options: { workbook: { type: 'string' }, json: { type: 'boolean' }, full: { type: 'boolean' } },
  required: ['workbook'],
  async run({ values }, io, host) {
    let report;
    try {
      // As it is and read-only: checking never updates or changes the file.
      report = await host.withWorkbook(String(values.workbook), { readOnly: true, asIs: true }, (api) => api.call('workbook:check', values.full ? { full: true } : {}));
    } catch (e) {
      if (values.json) {
        io.out(JSON.stringify({ ok: false, error: { code: (e as { code?: string }).code ?? 'error', message: (e as Error).message } }, null, 2));
        return 1;
      }
      throw e;
    }
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
      return report.ok ? 0 : 1;
    }
    io.out(`Workbook: ${report.file}`);
    io.out(
      report.schemaVersion < report.appSchemaVersion
        ? `Schema version: ${report.schemaVersion} (this app uses ${report.appSchemaVersion}: the workbook will be updated, after a backup, the next time it is opened)`
        : `Schema version: ${report.schemaVersion}`,
    );
    io.out(`Integrity: ${report.integrity === 'ok' ? 'ok' : report.integrity}`);
    io.out(`History: ${report.auditChain.message}`);
    io.out('Records (live / in the bin):');
    for (const c of report.counts) io.out(`  ${c.entity.padEnd(18)} ${String(c.live).padStart(7)} / ${c.inBin}`);
    if (!report.ok) {
      io.err(`\nProblems found:\n${report.problems.map((p) => `  - ${p}`).join('\n')}`);
      return 1;
    }
    io.out('\nNo problems found.');
    return 0;
  },
};

const exportJson: CliCommand = {
  name: 'export-json',
  summary: 'Write the whole workbook as versioned JSON.',
  usage: 'workbook export-json --workbook FILE --out F.json',
  options: { workbook: { type: 'string' }, out: { type: 'string' } },
  required: ['workbook', 'out'],
  async run({ values }, io, host) {
    const out = path.resolve(String(values.out));
    const file = await host.withWorkbook(String(values.workbook), { readOnly: true }, (api) => api.call('workbook:exportJson', {}));
    host.save(out, file.base64);
    io.out(`Exported to ${out}`);
    return 0;
  },
};

const importJson: CliCommand = {
  name: 'import-json',
  summary: 'Create a new workbook from a JSON export.',
  usage: 'workbook import-json F.json --out FILE',
  options: { out: { type: 'string' } },
  required: ['out'],
  allowPositionals: true,
  async run({ values, positionals }, io, host) {
    if (positionals.length !== 1) throw new CliError(`Name one JSON file to import.\n\nUsage: ${importJson.usage}`, 2);
    const source = path.resolve(positionals[0]!);
    if (!existsSync(source)) throw new CliError(`There is no file at ${source}.`);
    const out = path.resolve(String(values.out));
    refuseExisting(out);
    // Bytes, not text: invalid UTF-8 is refused rather than read as U+FFFD (issue #14).
    host.createFromJson(readFileSync(source), out);
    io.out(`Workbook created from ${path.basename(source)}: ${out}`);
    return 0;
  },
};

export const coreCommands: CliCommand[] = [demo, check, exportJson, importJson];
