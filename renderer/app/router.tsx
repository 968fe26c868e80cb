/**
 * A small hash router: works unchanged under app:// (Electron) and http:// (browser mode) and
 * asks before leaving a page with unsaved changes.
 */
import { Link as FluentLink } from '@fluentui/react-components';
import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';
import { confirmLeave } from './unsaved-changes';

export interface Location {
  path: string;
  query: URLSearchParams;
}

function readLocation(): Location {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path = '/', search = ''] = raw.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

let current = window.location.hash;
let restoring = false;

export function useLocation(): Location {
  const [location, setLocation] = useState(readLocation);
  useEffect(() => {
    const onChange = () => {
      if (restoring) {
        restoring = false;
        return;
      }
      // Back/forward buttons: put the address back if the officer chose to stay.
      if (!confirmLeave()) {
        restoring = true;
        window.location.hash = current;
        return;
      }
      current = window.location.hash;
      setLocation(readLocation());
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location;
}

export function href(path: string): string {
  return `#${path}`;
}

/** Goes to a path unless the officer decides to stay with unsaved changes. */
export function navigate(path: string, { force = false } = {}): boolean {
  if (!force && !confirmLeave()) return false;
  current = href(path);
  window.location.hash = path;
  return true;
}

export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const part = p[i]!;
    const seg = decodeURIComponent(s[i]!);
    if (part.startsWith(':')) params[part.slice(1)] = seg;
    else if (part !== seg) return null;
  }
  return params;
}

/** An in-app link: a real <a href> (so it can be opened, focused and read out) that respects unsaved changes. */
export function RouteLink({
  to,
  children,
  className,
  'aria-current': ariaCurrent,
  'aria-label': ariaLabel,
}: {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
  'aria-label'?: string;
}) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return (
    <FluentLink href={href(to)} onClick={onClick} className={className} aria-current={ariaCurrent} aria-label={ariaLabel}>
      {children}
    </FluentLink>
  );
}
