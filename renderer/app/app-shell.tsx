/** The frame around every screen: skip link, banner, side navigation, read-only banner and the routed screen. */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Suspense, useEffect, useRef } from 'react';
import { globalOverlays } from './extensions';
import { matchPath, RouteLink, useLocation } from './router';
import { DefaultNavIcon, navRoutes, routes } from './routes';
import { Loading } from '../components/states';
import { useWorkbook } from './workbook-context';
import { MenuActions } from './menu-actions';

const useStyles = makeStyles({
  root: { display: 'grid', gridTemplateColumns: '220px 1fr', gridTemplateRows: 'auto 1fr', minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 0,
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 100, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  banner: {
    gridColumn: '1 / -1',
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#1B3A57',
    color: '#FFFFFF',
  },
  appName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  area: { opacity: 0.9 },
  marking: { marginLeft: 'auto', fontWeight: tokens.fontWeightBold, letterSpacing: '0.04em', border: '1px solid #FFFFFF', padding: `0 ${tokens.spacingHorizontalS}`, borderRadius: tokens.borderRadiusSmall },
  nav: { backgroundColor: tokens.colorNeutralBackground1, borderRight: `1px solid ${tokens.colorNeutralStroke2}`, padding: `${tokens.spacingVerticalM} 0` },
  navList: { listStyle: 'none', margin: 0, padding: 0 },
  navLink: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    borderLeft: '4px solid transparent',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, textDecoration: 'none' },
  },
  navCurrent: { borderLeft: `4px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorNeutralBackground1Selected, fontWeight: tokens.fontWeightSemibold },
  main: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`, minWidth: 0, outline: 'none' },
});

function currentRoute(path: string) {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        This address does not lead anywhere in the workbook. <RouteLink to="/">Go to the Overview</RouteLink>.
      </p>
    </>
  );
}

export function AppShell() {
  const s = useStyles();
  const { info, area, readOnly } = useWorkbook();
  const location = useLocation();
  const match = currentRoute(location.path);
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);

  // Move focus to the new page so keyboard and screen-reader users start at its content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
  }, [location.path]);

  const Screen = match?.route.component;
  const section = (p: string) => (p === '/' ? location.path === '/' : location.path === p || location.path.startsWith(`${p}/`));

  return (
    <div className={s.root}>
      <a className={s.skip} href="#main-content" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        Skip to main content
      </a>
      <header className={s.banner}>
        <span className={s.appName}>Evidence Workbook</span>
        <span className={s.area}>
          {area.areaName || 'Local area'} · {info.fileName}
        </span>
        {area.protectiveMarking && <span className={s.marking}>{area.protectiveMarking}</span>}
      </header>
      <nav className={s.nav} aria-label="Main">
        <ul className={s.navList}>
          {navRoutes.map((r) => {
            const Icon = r.nav!.icon ?? DefaultNavIcon;
            const current = section(r.path);
            return (
              <li key={r.path}>
                <RouteLink to={r.path} className={mergeClasses(s.navLink, current && s.navCurrent)} aria-current={current ? 'page' : undefined}>
                  <Icon aria-hidden />
                  {r.nav!.label}
                </RouteLink>
              </li>
            );
          })}
        </ul>
      </nav>
      <main id="main-content" className={s.main} ref={mainRef} tabIndex={-1} data-path={location.path}>
        {readOnly && (
          <MessageBar intent="warning" style={{ marginBottom: tokens.spacingVerticalL }}>
            <MessageBarBody>
              <MessageBarTitle>Read-only</MessageBarTitle>
              This workbook is open read-only, so nothing can be changed or saved. Open a copy you can edit to make changes.
            </MessageBarBody>
          </MessageBar>
        )}
        <Suspense fallback={<Loading label="Opening…" />}>{Screen ? <Screen key={location.path} params={match.params} query={location.query} /> : <NotFound />}</Suspense>
      </main>
      {globalOverlays.map((o) => (
        <Suspense key={o.id} fallback={null}>
          <o.component />
        </Suspense>
      ))}
      <MenuActions />
    </div>
  );
}
