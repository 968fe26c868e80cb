/**
 * Slots where self-contained features (renderer/features/…) plug into core screens.
 * Add ONE entry per feature; keep the component lazy so the first screen stays small.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

type Lazy<P> = LazyExoticComponent<ComponentType<P>> | ComponentType<P>;

export interface EvidenceItemPanelProps {
  evidenceId: number;
  readOnly: boolean;
}

/** Panels shown on an evidence item's page, below its details (e.g. attached files). */
export const evidenceItemPanels: { id: string; title: string; component: Lazy<EvidenceItemPanelProps> }[] = [
  { id: 'files', title: 'Files', component: lazy(() => import('../features/evidence-files/evidence-files-slot')) },
];

export interface PlanPagePanelProps {
  /** The plan on screen; null on the Action plans list. */
  planId: number | null;
  readOnly: boolean;
}

/** Tools shown on the Action plans screens (e.g. the Excel plan import wizard). */
export const planPagePanels: { id: string; title: string; component: Lazy<PlanPagePanelProps> }[] = [
  { id: 'plan-import', title: 'Import a returned Excel plan', component: lazy(() => import('../screens/plans/plan-import-panel')) },
];

/** Components mounted once inside the app shell (e.g. the Ctrl+K search palette). */
export const globalOverlays: { id: string; component: Lazy<Record<string, never>> }[] = [
  { id: 'search-palette', component: lazy(() => import('../features/search/search-overlay')) },
];
