/** Small JSON state files in userData, validated with zod: a missing or corrupt file gives the defaults. */
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { writeFileAtomically } from '../../core/exports/write-file-atomically';

export function readJsonFile<T extends z.ZodType>(file: string, schema: T, fallback: z.output<T>): z.output<T> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** Writes whole-or-nothing. Shell state is a convenience: a failure is reported, never fatal. */
export function writeJsonFile(file: string, value: unknown): boolean {
  try {
    writeFileAtomically(file, new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`));
    return true;
  } catch {
    return false;
  }
}
