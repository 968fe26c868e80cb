/** Loads and validates resources/ reference data once per process. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { appRoot } from '../../../db/app-root';
import {
  frameworkSchema,
  planTypeSchema,
  referenceDataSchema,
  scaleSchema,
  statusKeySchema,
  type Framework,
  type ReferenceData,
} from '../../contract/reference';

let cached: ReferenceData | undefined;

function readJson<T extends z.ZodType>(file: string, schema: T): z.output<T> {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(`Reference data ${path.basename(file)} is invalid: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export function loadReferenceData(root = path.join(appRoot(), 'resources')): ReferenceData {
  if (cached && root === path.join(appRoot(), 'resources')) return cached;
  const dir = path.join(root, 'frameworks');
  const frameworks = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => readJson(path.join(dir, f), frameworkSchema));
  const data = referenceDataSchema.parse({
    frameworks,
    scales: readJson(path.join(root, 'scales.json'), z.array(scaleSchema)),
    statusKeys: readJson(path.join(root, 'status-keys.json'), z.array(statusKeySchema)),
    planTypes: readJson(path.join(root, 'plan-types.json'), z.array(planTypeSchema)),
  });
  cached = data;
  return data;
}

export function findFramework(ref: ReferenceData, id: string): Framework | undefined {
  return ref.frameworks.find((f) => f.id === id);
}
