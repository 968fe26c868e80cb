/**
 * Every screen of the app, in one list. Screens load lazily so the first paint stays small.
 *
 * To add a screen: append ONE entry to `routes` below, with a lazy import of your component
 * (it receives ScreenProps: { params, query }). Give it `nav` to list it in the side navigation.
 * Panels inside existing screens (evidence item, action plans) and global overlays (Ctrl+K)
 * are registered in ./extensions.ts instead.
 */
import {
  ArrowClockwise20Regular,
  Board20Regular,
  ClipboardTaskListLtr20Regular,
  DataTrending20Regular,
  Delete20Regular,
  DocumentSearch20Regular,
  History20Regular,
  Home20Regular,
  Library20Regular,
  QuestionCircle20Regular,
  Settings20Regular,
  TextBulletListSquare20Regular,
} from '@fluentui/react-icons';
import { lazy } from 'react';
import type { RouteDef } from './route-types';

export type { RouteDef, ScreenProps } from './route-types';

export const routes: RouteDef[] = [
  { path: '/', title: 'Overview', component: lazy(() => import('../screens/overview/overview-screen')), nav: { label: 'Overview', order: 10, icon: Home20Regular } },

  { path: '/inspections', title: 'Inspections', component: lazy(() => import('../screens/inspections/events-screen')), nav: { label: 'Inspections', order: 20, icon: DocumentSearch20Regular } },
  { path: '/inspections/:id', title: 'Inspection', component: lazy(() => import('../screens/inspections/event-screen')) },
  { path: '/findings/:id', title: 'Finding', component: lazy(() => import('../screens/inspections/finding-screen')) },

  { path: '/plans', title: 'Action plans', component: lazy(() => import('../screens/plans/plans-screen')), nav: { label: 'Action plans', order: 30, icon: ClipboardTaskListLtr20Regular } },
  { path: '/plans/:id', title: 'Action plan', component: lazy(() => import('../screens/plans/plan-screen')) },
  { path: '/priorities/:id', title: 'Priority', component: lazy(() => import('../screens/plans/priority-screen')) },
  { path: '/actions/:id', title: 'Action', component: lazy(() => import('../screens/plans/action-screen')) },

  { path: '/evidence', title: 'Evidence library', component: lazy(() => import('../screens/evidence/evidence-library-screen')), nav: { label: 'Evidence library', order: 40, icon: Library20Regular } },
  { path: '/evidence/:id', title: 'Evidence item', component: lazy(() => import('../screens/evidence/evidence-item-screen')) },

  { path: '/indicators', title: 'Indicators', component: lazy(() => import('../screens/indicators/indicators-screen')), nav: { label: 'Indicators', order: 50, icon: DataTrending20Regular } },
  { path: '/indicators/:id', title: 'Indicator', component: lazy(() => import('../screens/indicators/indicator-screen')) },

  { path: '/sef', title: 'Self-evaluation', component: lazy(() => import('../screens/sef/sef-versions-screen')), nav: { label: 'Self-evaluation', order: 60, icon: TextBulletListSquare20Regular } },
  { path: '/sef/:id', title: 'Self-evaluation version', component: lazy(() => import('../screens/sef/sef-screen')) },
  { path: '/sections/:id', title: 'Self-evaluation section', component: lazy(() => import('../screens/sef/section-screen')) },
  { path: '/compare/:from/:to', title: 'Compare self-evaluations', component: lazy(() => import('../screens/sef/sef-compare-screen')) },

  { path: '/history/:entity/:id', title: 'History', component: lazy(() => import('../screens/admin/history-screen')) },
  { path: '/history', title: 'Recent changes', component: lazy(() => import('../screens/admin/history-screen')), nav: { label: 'Recent changes', order: 88, icon: History20Regular } },
  { path: '/bin', title: 'Bin', component: lazy(() => import('../screens/admin/bin-screen')), nav: { label: 'Bin', order: 90, icon: Delete20Regular } },
  { path: '/backups', title: 'Backups', component: lazy(() => import('../screens/admin/backups-screen')), nav: { label: 'Backups', order: 93, icon: ArrowClockwise20Regular } },
  { path: '/settings', title: 'Settings', component: lazy(() => import('../screens/admin/settings-screen')), nav: { label: 'Settings', order: 95, icon: Settings20Regular } },

  { path: '/help', title: 'User guide', component: lazy(() => import('../screens/help/help-screen')), nav: { label: 'Help', order: 99, icon: QuestionCircle20Regular } },

  { path: '/welcome', title: 'Welcome', component: lazy(() => import('../screens/welcome/welcome-screen')) },

  // Feature screens (one entry each, owned by their engineers):
  { path: '/inspection-week', title: 'Inspection week', component: lazy(() => import('../features/inspection-week/inspection-week-screen')), nav: { label: 'Inspection week', order: 25 } },
  { path: '/search', title: 'Search', component: lazy(() => import('../features/search/search-screen')) },
  { path: '/evidence-import', title: 'Import a folder of evidence', component: lazy(() => import('../features/evidence-files/folder-import-screen')), nav: { label: 'Import files', order: 45 } },
  { path: '/plans/import/spreadsheet', title: 'Import a plan from a spreadsheet', component: lazy(() => import('../features/plan-sheet-import/plan-sheet-screen')) },
];

export const navRoutes = routes.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order);

/** Icon used for feature screens that do not bring their own. */
export const DefaultNavIcon = Board20Regular;
