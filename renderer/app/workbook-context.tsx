/** What every screen needs to know about the open workbook: info (read-only?), reference data and the area profile. */
import { createContext, useContext, type ReactNode } from 'react';
import type { ChannelOutput } from '../../electron/contract/channels';
import type { ReferenceData } from '../../electron/contract/reference';

export interface WorkbookState {
  info: ChannelOutput<'workbook:info'>;
  reference: ReferenceData;
  area: ChannelOutput<'area:get'>;
  readOnly: boolean;
}

const WorkbookContext = createContext<WorkbookState | null>(null);

export function WorkbookProvider({ value, children }: { value: WorkbookState; children: ReactNode }) {
  return <WorkbookContext.Provider value={value}>{children}</WorkbookContext.Provider>;
}

export function useWorkbook(): WorkbookState {
  const state = useContext(WorkbookContext);
  if (!state) throw new Error('useWorkbook must be used inside <WorkbookProvider>.');
  return state;
}

export function frameworkOf(reference: ReferenceData, id: string | null | undefined) {
  return reference.frameworks.find((f) => f.id === id);
}

/** Finding type label, e.g. "significant_weakness" → "Significant weakness", from whichever framework defines it. */
export function findingTypeLabel(reference: ReferenceData, type: string): string {
  for (const f of reference.frameworks) {
    const t = f.findingTypes.find((x) => x.id === type);
    if (t) return t.label;
  }
  return type;
}

export function assessmentResultLabel(reference: ReferenceData, result: string): string {
  for (const f of reference.frameworks) {
    const t = f.assessmentResults.find((x) => x.id === result);
    if (t) return t.label;
  }
  return result;
}

export function planTypeLabel(reference: ReferenceData, type: string): string {
  return reference.planTypes.find((t) => t.id === type)?.name ?? type;
}
