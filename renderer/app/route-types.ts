import type { ComponentType, LazyExoticComponent } from 'react';

export interface ScreenProps {
  /** Values of the `:name` segments of the route's path, e.g. { id: '12' }. */
  params: Record<string, string>;
  /** The `?a=b` part after the hash path. */
  query: URLSearchParams;
}

export type Screen = LazyExoticComponent<ComponentType<ScreenProps>> | ComponentType<ScreenProps>;

export interface RouteDef {
  /** Hash path pattern, e.g. '/actions/:id'. */
  path: string;
  /** The page title (also the browser/window title). */
  title: string;
  component: Screen;
  /** Present for screens listed in the side navigation; lower order comes first. */
  nav?: { label: string; order: number; icon?: ComponentType };
}
