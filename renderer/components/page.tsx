/** The frame of every screen: one <h1>, optional breadcrumbs and toolbar, and the window title. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { RouteLink } from '../app/router';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', marginBottom: tokens.spacingVerticalL },
  h1: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  subtitle: { color: tokens.colorNeutralForeground2, margin: `${tokens.spacingVerticalXS} 0 0` },
  crumbs: { listStyle: 'none', display: 'flex', gap: tokens.spacingHorizontalS, padding: 0, margin: `0 0 ${tokens.spacingVerticalS}`, flexWrap: 'wrap', '& li + li::before': { content: '"›"', marginRight: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 } },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  section: { marginBottom: tokens.spacingVerticalXXL },
  h2: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalM}` },
  sectionHead: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export interface Crumb {
  label: string;
  to: string;
}

export function Page({ title, subtitle, crumbs, actions, children }: { title: string; subtitle?: ReactNode; crumbs?: Crumb[]; actions?: ReactNode; children: ReactNode }) {
  const s = useStyles();
  useEffect(() => {
    document.title = `${title} – Evidence Workbook`;
  }, [title]);
  return (
    <>
      {crumbs && crumbs.length > 0 && (
        <nav aria-label="Breadcrumb">
          <ol className={s.crumbs}>
            {crumbs.map((c) => (
              <li key={c.to}>
                <RouteLink to={c.to}>{c.label}</RouteLink>
              </li>
            ))}
          </ol>
        </nav>
      )}
      <header className={s.header}>
        <div>
          <h1 className={s.h1}>{title}</h1>
          {subtitle && <p className={s.subtitle}>{subtitle}</p>}
        </div>
        {actions && <div className={s.actions}>{actions}</div>}
      </header>
      {children}
    </>
  );
}

/** A titled region of a page (h2), announced as a landmark by its heading. */
export function Section({ title, actions, children, id }: { title: string; actions?: ReactNode; children: ReactNode; id?: string }) {
  const s = useStyles();
  const headingId = id ?? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={s.section} aria-labelledby={headingId}>
      <div className={s.sectionHead}>
        <h2 id={headingId} className={s.h2}>
          {title}
        </h2>
        {actions && <div className={s.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}
