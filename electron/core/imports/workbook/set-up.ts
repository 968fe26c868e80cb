/** The first-run set-up (issue #16): the area profile and the partners, written together. */
import type { z } from 'zod';
import type { setupInput, setupResult } from '../../../contract/groups/imports';
import { getArea, partnerService, updateArea } from '../../services/area-service';
import type { ServiceContext } from '../../services/context';
import { invalidField } from '../../services/service-error';

export function saveSetup(ctx: ServiceContext, input: z.output<typeof setupInput>): z.output<typeof setupResult> {
  if (input.defaultFrameworkId && !ctx.reference.frameworks.some((f) => f.id === input.defaultFrameworkId)) {
    throw invalidField('defaultFrameworkId', `There is no framework “${input.defaultFrameworkId}”. Choose one of: ${ctx.reference.frameworks.map((f) => f.id).join(', ')}.`);
  }
  updateArea(ctx, {
    areaName: input.areaName,
    laCode: input.laCode,
    icb: input.icb,
    region: input.region,
    statisticalNeighbours: [...new Set(input.statisticalNeighbours)],
    ...(input.defaultFrameworkId ? { defaultFrameworkId: input.defaultFrameworkId } : {}),
    ...(input.authorName !== undefined ? { authorName: input.authorName } : {}),
  });
  // Set-up may be run again (or after partners were added in Settings): never add a partner twice.
  const existing = new Set(partnerService.list(ctx, { limit: 500, offset: 0 }).items.map((p) => p.name.toLowerCase()));
  const created = [];
  const alreadyThere: string[] = [];
  for (const p of input.partners) {
    if (existing.has(p.name.toLowerCase())) {
      alreadyThere.push(p.name);
      continue;
    }
    existing.add(p.name.toLowerCase());
    created.push(partnerService.create(ctx, { name: p.name, kind: p.kind, notes: '' }));
  }
  return { area: getArea(ctx), partnersCreated: created, partnersAlreadyThere: alreadyThere };
}
