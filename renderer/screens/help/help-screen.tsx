/**
 * The user guide (Help > User guide, F1): what each screen is for and how to do the common
 * things, in plain UK English. Real headings (h2/h3) so a screen reader can jump between topics,
 * and a contents list of in-page links.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { RouteLink } from '../../app/router';
import { Page } from '../../components/page';

const useStyles = makeStyles({
  body: { maxWidth: '72ch', lineHeight: tokens.lineHeightBase400, '& h2': { marginTop: tokens.spacingVerticalXXL }, '& h3': { marginTop: tokens.spacingVerticalL, marginBottom: tokens.spacingVerticalXS } },
  keys: { borderCollapse: 'collapse', '& th, & td': { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: 'top' } },
  kbd: { fontFamily: tokens.fontFamilyMonospace, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusSmall, padding: '0 4px', whiteSpace: 'nowrap' },
});

const TOPICS = [
  { id: 'screens', title: 'What each screen is for' },
  { id: 'keyboard', title: 'Using the keyboard' },
  { id: 'exports', title: 'Documents you can export' },
  { id: 'returns', title: 'Returns from partners' },
  { id: 'bin-history', title: 'The Bin and History' },
  { id: 'backups', title: 'Backups' },
] as const;

function Topic({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`help-${id}`}>
      <h2 id={`help-${id}`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function Key({ children }: { children: ReactNode }) {
  return <kbd className={useStyles().kbd}>{children}</kbd>;
}

/** Moves focus to a topic's heading (hash links drive the router here, so in-page anchors cannot be used). */
function jump(id: string) {
  const heading = document.getElementById(`help-${id}`);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus();
}

export default function HelpScreen() {
  const s = useStyles();
  return (
    <Page title="User guide" subtitle="How to keep the partnership's inspection findings, plans, evidence and self-evaluation in this workbook.">
      <div className={s.body}>
        <nav aria-label="Guide contents">
          <ul>
            {TOPICS.map((t) => (
              <li key={t.id}>
                <a
                  href={`#/help`}
                  onClick={(e) => {
                    e.preventDefault();
                    jump(t.id);
                  }}
                >
                  {t.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <Topic id="screens" title="What each screen is for">
          <h3>Overview</h3>
          <p>
            Where the partnership stands today: progress on the current action plan by priority, what is overdue, indicators off track and how well the self-evaluation is
            evidenced. Start here before a board meeting. <RouteLink to="/">Open the Overview</RouteLink>.
          </p>
          <h3>Inspections</h3>
          <p>
            Each inspection, revisit or monitoring visit, with the findings from its outcome letter (strengths, significant weaknesses, areas for priority action). Open a finding to
            record its verbatim wording, the partners who own it, later verdicts (for example at a revisit) and the actions answering it.
          </p>
          <h3>Inspection week</h3>
          <p>
            For the days after Ofsted and the CQC call. Enter the notification date and the timeline is laid out in working days (bank holidays taken into account): the
            information request deadline, when fieldwork starts and the on-site week. Log each request from inspectors, answer it with evidence, track children (pseudonyms only) and
            build the evidence pack.
          </p>
          <h3>Action plans</h3>
          <p>
            The Written Statement of Action, Accelerated Progress Plan or improvement plan: priorities, the actions under them with a lead, partner and due date, milestones and dated
            progress updates. Each action&apos;s red, amber or green rating is worked out from its status and dates, with the reason in words; overriding it needs a reason.
          </p>
          <h3>Evidence library</h3>
          <p>
            Every piece of evidence (minutes, audits, surveys, case studies, data) with its source, date and type. Attach the files themselves and link each item to the findings,
            actions, indicators and self-evaluation sections it supports. Mark items that contain personal data so they are left out of documents for publication.
          </p>
          <h3>Indicators</h3>
          <p>Measures such as the share of EHC plans issued within 20 weeks, with the local figure per period beside England, the region and statistical neighbours, and your targets.</p>
          <h3>Self-evaluation</h3>
          <p>
            Versions of the self-evaluation, one section per criterion of the inspection framework with a judgement, confidence and narrative. Warnings show where a judgement has
            no impact evidence or no voice of children, young people and families. Compare two versions and record each partner&apos;s sign-off.
          </p>
          <h3>Settings</h3>
          <p>The area&apos;s name and neighbours, the protective marking printed on every document, your name as it appears in the history, the partners and the people.</p>
        </Topic>

        <Topic id="keyboard" title="Using the keyboard">
          <p>Everything can be done without a mouse.</p>
          <table className={s.keys}>
            <caption style={{ position: 'absolute', left: -10000 }}>
              Keyboard shortcuts
            </caption>
            <thead>
              <tr>
                <th scope="col">Keys</th>
                <th scope="col">What they do</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>
                  <Key>Ctrl</Key> + <Key>K</Key>
                </td>
                <td>Quick find: search findings, actions, milestones, evidence (including the text inside attached files), indicators and people from any screen.</td>
              </tr>
              <tr>
                <td>
                  <Key>Tab</Key> and <Key>Shift</Key> + <Key>Tab</Key>
                </td>
                <td>Move to the next or previous link, field or button.</td>
              </tr>
              <tr>
                <td>
                  <Key>Enter</Key>
                </td>
                <td>Follow a link or press a button. In a one-line field of a form, Enter saves the form.</td>
              </tr>
              <tr>
                <td>
                  <Key>Space</Key>
                </td>
                <td>Tick or untick a checkbox.</td>
              </tr>
              <tr>
                <td>
                  <Key>↑</Key> <Key>↓</Key>
                </td>
                <td>Choose from a list, or move through quick find results.</td>
              </tr>
              <tr>
                <td>
                  <Key>Esc</Key>
                </td>
                <td>Close quick find or a dialog.</td>
              </tr>
              <tr>
                <td>
                  <Key>F1</Key>
                </td>
                <td>Open this guide (desktop app).</td>
              </tr>
              <tr>
                <td>
                  <Key>Ctrl</Key> + <Key>N</Key>, <Key>Ctrl</Key> + <Key>O</Key>
                </td>
                <td>Start a new workbook, or open another one (desktop app).</td>
              </tr>
            </tbody>
          </table>
          <p>Dates are typed as day/month/year, for example 22/11/2026.</p>
        </Topic>

        <Topic id="exports" title="Documents you can export">
          <p>Every document carries the protective marking from Settings (for example OFFICIAL-SENSITIVE). Choose where to save it; nothing leaves the laptop otherwise.</p>
          <ul>
            <li>
              <strong>Self-evaluation (Word)</strong>, from a self-evaluation version or File &gt; Export. The version for publication leaves out evidence marked as containing
              personal data. Word may offer to update the table of contents when it opens: choose Yes.
            </li>
            <li>
              <strong>Progress report (Word)</strong> for a plan and period: what was completed, delayed and not achieved, priority by priority.
            </li>
            <li>
              <strong>Action plan (Excel)</strong>, to send to partners for their updates. Leave the hidden Row ID column alone so their return can be matched.
            </li>
            <li>
              <strong>Evidence pack</strong> (a zip), from Inspection week or File &gt; Export: every evidence item with its files and an index page grouped by criterion and finding.
              The pack for publication leaves out personal data.
            </li>
          </ul>
        </Topic>

        <Topic id="returns" title="Returns from partners">
          <p>
            When a partner sends back the Excel action plan, open the plan and choose <strong>Import a returned Excel plan</strong>. You see every change (old and new value), new
            milestones and updates, and rows that cannot be used with the reason. Where a row was also changed here since the export, you choose which to keep: nothing is overwritten
            without asking. A backup is taken before the changes are applied, and a changed status or commentary becomes a dated progress update from that partner. Importing the same
            file twice changes nothing the second time.
          </p>
        </Topic>

        <Topic id="bin-history" title="The Bin and History">
          <p>
            Nothing is deleted outright. <strong>Move to Bin</strong> puts a record, and anything under it, in the <RouteLink to="/bin">Bin</RouteLink>, from where it can be
            restored whole. Restore a parent (for example a plan) before its children.
          </p>
          <p>
            Every record has a <strong>History</strong> button: who changed what, when, and the old and new values. Progress updates are never overwritten; a correction is a new,
            dated update.
          </p>
        </Topic>

        <Topic id="backups" title="Backups">
          <p>
            The workbook is backed up automatically when it opens, every 15 minutes while there are changes, before the app updates its data format, before a return is applied and
            before a restore. The newest 10 are kept, plus one a day for 30 days. Restoring a backup first keeps a copy of the workbook as it was, so a restore can itself be undone.
          </p>
          <p>
            The workbook is one file: to give a colleague a copy or keep one on the council network, use File &gt; Save a copy (desktop app) rather than copying the file while it is
            open.
          </p>
        </Topic>
      </div>
    </Page>
  );
}
