/** The frame around every screen: skip link, banner, side navigation, read-only banner and the routed screen. */
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Navigation20Regular, Print20Regular } from '@fluentui/react-icons';
import { Suspense, useEffect, useRef, useState } from 'react';
import { globalOverlays } from './extensions';
import { matchPath, RouteLink, useLocation } from './router';
import { DefaultNavIcon, navRoutes, routes } from './routes';
import { Loading } from '../components/states';
import { useWorkbook } from './workbook-context';
import { MenuActions } from './menu-actions';

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: '220px minmax(0, 1fr)',
    gridTemplateRows: 'auto 1fr',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    // Reflow (WCAG 1.4.10): at 320 CSS px / 400% zoom the navigation folds away behind "Menu".
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)', gridTemplateRows: 'auto auto 1fr' },
  },
  rootNavClosed: { '@media (min-width: 761px)': { gridTemplateColumns: 'minmax(0, 1fr)' } },
  menuButton: { color: '#FFFFFF', minWidth: 'auto' },
  printButton: { color: '#FFFFFF', minWidth: 'auto', '@media (max-width: 760px)': { display: 'none' } },
  navHidden: { display: 'none' },
  navNote: { margin: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL} 0`, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 0,
    ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 100, padding: tokens.spacingVerticalS, backgroundColor: tokens.colorNeutralBackground1, outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  banner: {
    gridColumn: '1 / -1',
    display: 'flex',
    flexWrap: 'wrap',
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
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    minWidth: 0,
    outline: 'none',
    overflowWrap: 'anywhere',
    // No control may push the page wider than the window (reflow at 320 CSS px).
    '& .fui-Select, & .fui-Input, & .fui-Textarea, & .fui-Field, & .fui-Field > *': { maxWidth: '100%', minWidth: 0 },
    '& select': { maxWidth: '100%', minWidth: 0, width: '100%' },
    '@media (max-width: 760px)': { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}` },
  },
});

/** True while the window is narrow (or zoomed) enough that the navigation should fold away. */
function useNarrow(): boolean {
  const query = '(max-width: 760px)';
  const [narrow, setNarrow] = useState(() => window.matchMedia?.(query).matches ?? false);
  useEffect(() => {
    const m = window.matchMedia?.(query);
    if (!m) return;
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, []);
  return narrow;
}

/** Screens that need the desktop app (they read folders on the computer); hidden in browser mode. */
const DESKTOP_ONLY = new Set(['/evidence-import']);

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
  const narrow = useNarrow();
  const desktop = typeof window !== 'undefined' && !!window.workbookFiles;
  // Open by default on a wide window, folded away on a narrow one (or at high zoom).
  const [navOpen, setNavOpen] = useState(!narrow);
  useEffect(() => setNavOpen(!narrow), [narrow]);

  // Move focus to the new page so keyboard and screen-reader users start at its content.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    mainRef.current?.focus();
    window.scrollTo(0, 0);
    if (window.matchMedia?.('(max-width: 760px)').matches) setNavOpen(false);
  }, [location.path]);

  const Screen = match?.route.component;
  const section = (p: string) => (p === '/' ? location.path === '/' : location.path === p || location.path.startsWith(`${p}/`));

  return (
    <div className={mergeClasses(s.root, !navOpen && s.rootNavClosed)} data-print="shell">
      <a className={s.skip} data-print="hide" href="#main-content" onClick={(e) => { e.preventDefault(); mainRef.current?.focus(); }}>
        Skip to main content
      </a>
      <header className={s.banner} data-print="banner">
        <Button
          appearance="transparent"
          className={s.menuButton}
          icon={<Navigation20Regular />}
          aria-expanded={navOpen}
          aria-controls="main-navigation"
          onClick={() => setNavOpen((o) => !o)}
          data-print="hide"
        >
          Menu
        </Button>
        <span className={s.appName}>Evidence Workbook</span>
        <span className={s.area}>
          {area.areaName || 'Local area'} · {info.fileName}
        </span>
        {area.protectiveMarking && <span className={s.marking}>{area.protectiveMarking}</span>}
        <Button appearance="transparent" className={s.printButton} icon={<Print20Regular />} onClick={() => window.print()} data-print="hide">
          Print
        </Button>
      </header>
      <nav id="main-navigation" className={mergeClasses(s.nav, !navOpen && s.navHidden)} aria-label="Main">
        <ul className={s.navList}>
          {navRoutes.filter((r) => !DESKTOP_ONLY.has(r.path) || desktop).map((r) => {
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
        {!desktop && <p className={s.navNote}>In the browser you can do everything except import a whole folder of files: that needs the desktop app.</p>}
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
        {info.historyWarning && (
          <MessageBar intent="error" layout="multiline" style={{ marginBottom: tokens.spacingVerticalL }}>
            <MessageBarBody>
              <MessageBarTitle>This may not be the latest version of this workbook</MessageBarTitle>
              {info.historyWarning} Until you have checked, avoid adding new work to it: Backups can restore the newer state.
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
