/**
 * Every screen of the app, in one list. Screens load lazily so the first paint stays small.
 *
 * To add a screen: append ONE entry to `routes` below, with a lazy import of your component
 * (it receives ScreenProps: { params, query }). Give it `nav` to list it in the side navigation.
 * Panels inside existing screens (evidence item, action plans) and global overlays (Ctrl+K)
 * are registered in ./extensions.ts instead.
 */
import {
  Board20Regular,
  DocumentSearch20Regular,
  Home20Regular,
} from '@fluentui/react-icons';
import { lazy } from 'react';
import type { RouteDef } from './route-types';

export type { RouteDef, ScreenProps } from './route-types';

export const routes: RouteDef[] = [
  { path: '/', title: 'Overview', component: lazy(() => import('../screens/overview/overview-screen')), nav: { label: 'Overview', order: 10, icon: Home20Regular } },

  { path: '/inspections', title: 'Inspections', component: lazy(() => import('../screens/inspections/events-screen')), nav: { label: 'Inspections', order: 20, icon: DocumentSearch20Regular } },

  { path: '/welcome', title: 'Welcome', component: lazy(() => import('../screens/welcome/welcome-screen')) },

  // Feature screens (one entry each, owned by their engineers):
];

export const navRoutes = routes.filter((r) => r.nav).sort((a, b) => a.nav!.order - b.nav!.order);

/** Icon used for feature screens that do not bring their own. */
export const DefaultNavIcon = Board20Regular;
