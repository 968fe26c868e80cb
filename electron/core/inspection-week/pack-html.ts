/**
 * The pack's index.html: plain HTML and inline CSS, no scripts (a Content-Security-Policy forbids
 * them), so it opens offline in any browser from the unzipped folder. Everything from the
 * workbook is escaped.
 */
import { formatBytes, ukDate } from '../../contract/format';
import { label } from '../../contract/enums';
import { weekLabel } from '../../contract/groups/inspection-week';
import type { PackData, PackGroup, PackItem } from './pack-data';
import { ukDateTime } from './week-context';

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A relative link to a file inside the pack, each path segment percent-encoded. */
export function hrefOf(zipPath: string): string {
  return zipPath.split('/').map(encodeURIComponent).join('/');
}

/** The one byte formatter (contract/format.ts), re-exported for the pack's callers. */
export { formatBytes };

function effective(item: PackItem): string {
  if (item.effectiveFrom && item.effectiveTo) return `${ukDate(item.effectiveFrom)} to ${ukDate(item.effectiveTo)}`;
  if (item.effectiveFrom) return `from ${ukDate(item.effectiveFrom)}`;
  if (item.effectiveTo) return `to ${ukDate(item.effectiveTo)}`;
  return 'not given';
}

function itemRefs(ids: number[], items: Map<number, PackItem>): string {
  const refs = ids.map((id) => items.get(id)).filter((i): i is PackItem => !!i);
  if (refs.length === 0) return '<p class="none">No evidence linked.</p>';
  return `<ul>${refs
    .map((i) => `<li><a href="#${escapeHtml(i.reference)}">${escapeHtml(i.reference)}</a> ${escapeHtml(i.title)} <span class="level">${escapeHtml(label(i.level))}</span></li>`)
    .join('')}</ul>`;
}

function group(g: PackGroup, items: Map<number, PackItem>): string {
  return `<section class="group"><h3>${escapeHtml(g.heading)}</h3>${g.subheading ? `<p class="sub">${escapeHtml(g.subheading)}</p>` : ''}${itemRefs(g.itemIds, items)}${
    g.throughPlanIds.length ? `<p class="through">Through the plan that addresses it:</p>${itemRefs(g.throughPlanIds, items)}` : ''
  }</section>`;
}

function catalogueEntry(item: PackItem, paths: Map<number, string>): string {
  const files = item.files.length
    ? `<ul class="files">${item.files
        .map((f) => `<li><a href="${escapeHtml(hrefOf(paths.get(f.id)!))}">${escapeHtml(f.originalName)}</a> (${escapeHtml(formatBytes(f.size))})</li>`)
        .join('')}</ul>`
    : '<p class="none">No files stored in the workbook for this item.</p>';
  return `<article id="${escapeHtml(item.reference)}"><h3>${escapeHtml(item.reference)} ${escapeHtml(item.title)}</h3><dl><dt>Kind</dt><dd>${escapeHtml(
    label(item.kind),
  )}</dd><dt>Level</dt><dd>${escapeHtml(label(item.level))}</dd><dt>Effective</dt><dd>${escapeHtml(effective(item))}</dd></dl>${
    item.summary ? `<p class="summary">${escapeHtml(item.summary)}</p>` : ''
  }${files}</article>`;
}

const STYLE = `body{font-family:Arial,Helvetica,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.45;color:#1b1b1b}
.marking{font-weight:bold;text-align:center;border:2px solid #1b1b1b;padding:.25rem}
.mode{background:#f3f2f1;padding:.5rem;border-left:4px solid #1d70b8}
h2{border-bottom:1px solid #b1b4b6;margin-top:2rem}.sub,.through,.none{color:#505a5f}
.summary{white-space:pre-wrap}.level{font-size:.85em;background:#e8f1f8;padding:0 .3rem}
article{border-top:1px solid #e0e0e0;padding:.5rem 0}dl{display:grid;grid-template-columns:8rem 1fr;margin:0}dt{font-weight:bold}dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #b1b4b6;padding:.25rem;text-align:left;vertical-align:top}
a{color:#1d70b8}a:focus{outline:3px solid #fd0}`;

export function renderPackIndex(data: PackData, paths: Map<number, string>, generatedOn: string): string {
  const items = new Map(data.items.map((i) => [i.id, i]));
  const title = `Evidence pack${data.areaName ? `: ${data.areaName}` : ''}`;
  const mode = data.forPublication
    ? `<p class="mode">Prepared for publication: personal data has been left out.</p><ul>${data.leftOut.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`
    : '<p class="mode">Full pack: it may contain personal data. Handle it according to its marking and do not publish it.</p>';
  const sections: string[] = [];
  sections.push(
    `<section><h2 id="by-criterion">By self-evaluation criterion</h2>${
      data.sefTitle ? `<p>${escapeHtml(data.sefTitle)}</p>${data.byCriterion.map((g) => group(g, items)).join('')}` : '<p class="none">There is no self-evaluation in this workbook.</p>'
    }</section>`,
  );
  sections.push(
    `<section><h2 id="by-finding">By inspection finding</h2>${
      data.byFinding.length
        ? data.byFinding.map((e) => `<h3 class="event">${escapeHtml(e.eventTitle)}</h3>${e.groups.map((g) => group(g, items)).join('')}`).join('')
        : '<p class="none">No findings recorded.</p>'
    }</section>`,
  );
  if (!data.forPublication) {
    sections.push(
      `<section><h2 id="inspection-week">Inspection week</h2><h3>Inspectors’ requests</h3>${
        data.inspectorRequests.length
          ? `<table><thead><tr><th scope="col">Ref</th><th scope="col">Received</th><th scope="col">Request</th><th scope="col">Status</th><th scope="col">Response and evidence</th></tr></thead><tbody>${data.inspectorRequests
              .map(
                (r) =>
                  `<tr><td>${escapeHtml(r.reference)}</td><td>${escapeHtml(ukDateTime(r.receivedAt))}</td><td>${escapeHtml(r.request)}</td><td>${escapeHtml(
                    weekLabel(r.status),
                  )}</td><td><p class="summary">${escapeHtml(r.response)}</p>${itemRefs(r.evidence.map((e) => e.id), items)}</td></tr>`,
              )
              .join('')}</tbody></table>`
          : '<p class="none">None logged.</p>'
      }<h3>Information request</h3>${
        data.infoRequests.length
          ? `<table><thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead><tbody>${data.infoRequests
              .map((r) => `<tr><td>${escapeHtml(r.item)}</td><td>${escapeHtml(weekLabel(r.status))}</td><td>${itemRefs(r.evidenceIds, items)}</td></tr>`)
              .join('')}</tbody></table>`
          : '<p class="none">No items.</p>'
      }<h3>Tracked children (pseudonymised)</h3>${
        data.trackedChildren.length
          ? `<table><thead><tr><th scope="col">Pseudonym</th><th scope="col">Setting</th><th scope="col">SEN</th><th scope="col">Consent</th><th scope="col">Documents due</th><th scope="col">Evidence</th></tr></thead><tbody>${data.trackedChildren
              .map(
                (c) =>
                  `<tr><td>${escapeHtml(c.pseudonym)}</td><td>${escapeHtml(weekLabel(c.settingType))}</td><td>${escapeHtml(weekLabel(c.senStatus))}</td><td>${escapeHtml(
                    weekLabel(c.consentStatus),
                  )}</td><td>${escapeHtml(ukDate(c.documentsDueOn))}</td><td>${itemRefs(c.evidenceIds, items)}</td></tr>`,
              )
              .join('')}</tbody></table>`
          : '<p class="none">None.</p>'
      }</section>`,
    );
  }
  sections.push(
    `<section><h2 id="catalogue">Evidence catalogue (${data.items.length} items)</h2>${data.items.map((i) => catalogueEntry(i, paths)).join('')}</section>`,
  );
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><header><p class="marking">${escapeHtml(data.marking)}</p><h1>${escapeHtml(title)}</h1><p>Produced on ${escapeHtml(ukDate(generatedOn))}.</p>${mode}
<nav aria-label="Contents"><ul><li><a href="#by-criterion">By self-evaluation criterion</a></li><li><a href="#by-finding">By inspection finding</a></li>${
    data.forPublication ? '' : '<li><a href="#inspection-week">Inspection week</a></li>'
  }<li><a href="#catalogue">Evidence catalogue</a></li></ul></nav></header>
<main>${sections.join('\n')}</main>
<footer><p class="marking">${escapeHtml(data.marking)}</p></footer></body></html>
`;
}
