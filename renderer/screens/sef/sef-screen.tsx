/** One self-evaluation version: each criterion's judgement and confidence, coverage warnings, sign-offs, export. */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Edit20Regular } from '@fluentui/react-icons';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { useState } from 'react';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { frameworkOf, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { ExportButton } from '../../components/export-button';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { AddSectionControl, RemoveSectionButton, useSefVersionTools } from '../../features/record-tools/sef-version-tools';
import { DeleteButton, HistoryButton, RowDeleteButton } from '../../components/record-actions';
import { EmptyState, QueryView } from '../../components/states';
import { usePartnerOptions } from '../../components/use-options';
import { FindingsProgress } from './findings-progress';

const useStyles = makeStyles({
  warnings: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteDarkOrangeForeground1 },
  rowActions: { display: 'inline-flex', gap: tokens.spacingHorizontalS },
});

export function JudgementBadge({ scaleId, judgement }: { scaleId: string; judgement: string | null }) {
  const { reference } = useWorkbook();
  const level = reference.scales.find((s) => s.id === scaleId)?.levels.find((l) => l.id === judgement);
  if (!judgement) return <span>Not judged yet</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <span aria-hidden="true" style={{ width: 12, height: 12, borderRadius: 2, backgroundColor: level?.colour ?? '#8A8886', display: 'inline-block' }} />
      {level?.label ?? judgement}
    </span>
  );
}

type Signoff = ChannelOutput<'signoff:list'>[number];

function SignoffForm({ sefId, signoff, onDone }: { sefId: number; signoff?: Signoff; onDone(): void }) {
  const partners = usePartnerOptions();
  const form = useForm({
    channel: signoff ? 'signoff:update' : 'signoff:create',
    initial: { signatoryName: signoff?.signatoryName ?? '', partnerId: signoff?.partnerId ? String(signoff.partnerId) : '', signedOn: signoff?.signedOn ? ukDate(signoff.signedOn) : '' },
    resetAfterSave: !signoff,
    toInput: (v) => ({
      ...(signoff ? { id: signoff.id, expectedVersion: signoff.version } : { sefId }),
      signatoryName: v.signatoryName,
      partnerId: idInput(v.partnerId),
      signedOn: dateInput(v.signedOn),
    }),
    onSaved: onDone,
  });
  return (
    <FormShell form={form} label={signoff ? `Edit the sign-off by ${signoff.signatoryName}` : 'Add a sign-off'} saveLabel={signoff ? 'Save changes' : 'Add sign-off'} onCancel={onDone}>
      <FieldRow>
        <TextField form={form} name="signatoryName" label="Name of the person signing" required />
        <SelectField form={form} name="partnerId" label="On behalf of" emptyLabel="The partnership" options={partners} />
        <DateField form={form} name="signedOn" label="Date signed" />
      </FieldRow>
    </FormShell>
  );
}

export default function SefScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const s = useStyles();
  const { reference, readOnly } = useWorkbook();
  const sef = useQuery('sef:get', { id });
  const sections = useQuery('section:list', { sefId: id });
  const coverage = useQuery('report:coverage', { scope: 'sefSection', sefId: id });
  const signoffs = useQuery('signoff:list', { sefId: id });
  const partners = usePartnerOptions();
  const [signing, setSigning] = useState(false);
  const [editingSignoff, setEditingSignoff] = useState<number | null>(null);
  const versionTools = useSefVersionTools(sef.status === 'ok' ? sef.data : null);
  return (
    <QueryView query={sef}>
      {(v) => (
        <Page
          title={v.title}
          subtitle={`As at ${ukDate(v.asOf)} · ${frameworkOf(reference, v.frameworkId)?.shortName ?? v.frameworkId} · ${label(v.status)}`}
          crumbs={[{ label: 'Self-evaluation', to: '/sef' }]}
          actions={
            <>
              <ExportButton channel="export:sefDocx" input={{ sefId: v.id }} label="Self-evaluation (Word)" />
              <ExportButton channel="export:sefDocx" input={{ sefId: v.id, publication: true }} label="For publication, without personal data (Word)" />
              <ExportButton channel="export:sefDocx" input={{ sefId: v.id, includeDrafts: true }} label="Including draft sections (Word)" />
              {versionTools.buttons}
              <HistoryButton entity="sef" id={v.id} />
              <DeleteButton channel="sef:delete" id={v.id} what="this self-evaluation version" after="/sef" />
            </>
          }
        >
          {versionTools.slot}
          <Section title="Sections">
            <QueryView query={sections}>
              {(rows) =>
                rows.length === 0 ? (
                  <>
                    <EmptyState title="This version has no sections" />
                    <AddSectionControl sef={v} sections={rows} />
                  </>
                ) : (
                  <>
                  <DataTable
                    caption="Sections by criterion"
                    captionHidden
                    rows={rows}
                    rowKey={(x) => x.id}
                    columns={[
                      { header: 'Criterion', rowHeader: true, cell: (x) => <RouteLink to={`/sections/${x.id}`}>{x.criterionLabel}</RouteLink> },
                      { header: 'Judgement', cell: (x) => <JudgementBadge scaleId={v.scaleId} judgement={x.judgement} /> },
                      { header: 'Confidence', cell: (x) => (x.confidence ? label(x.confidence) : '–') },
                      { header: 'State', cell: (x) => (x.isDraft ? <Badge appearance="outline">Draft</Badge> : <Badge appearance="tint" color="success">Ready</Badge>) },
                      {
                        header: 'Evidence warnings',
                        cell: (x) => {
                          const row = coverage.status === 'ok' ? coverage.data.find((c) => c.targetId === x.id) : undefined;
                          if (!row) return '–';
                          if (row.warnings.length === 0) return `${row.total} linked, no warnings`;
                          return (
                            <ul className={s.warnings}>
                              {row.warnings.map((w) => <li key={w}>{w}</li>)}
                            </ul>
                          );
                        },
                      },
                      ...(readOnly ? [] : [{ header: 'Remove', cell: (x: (typeof rows)[number]) => <RemoveSectionButton section={x} /> }]),
                    ]}
                  />
                  <AddSectionControl sef={v} sections={rows} />
                  </>
                )
              }
            </QueryView>
          </Section>
          <FindingsProgress asOf={v.asOf} />
          <Section title="Sign-offs" actions={!readOnly && !signing && <Button icon={<Add20Regular />} onClick={() => setSigning(true)}>Add a sign-off</Button>}>
            {signing && <SignoffForm sefId={v.id} onDone={() => setSigning(false)} />}
            <QueryView query={signoffs}>
              {(rows) => {
                const edited = rows.find((x) => x.id === editingSignoff);
                return rows.length === 0 ? (
                  <EmptyState title="Not signed off yet">Record each partner&apos;s sign-off (for example the Director of Children&apos;s Services and the ICB) when the self-evaluation is agreed.</EmptyState>
                ) : (
                  <>
                    {edited && <SignoffForm sefId={v.id} signoff={edited} onDone={() => setEditingSignoff(null)} />}
                    <DataTable
                      caption="Sign-offs"
                      captionHidden
                      rows={rows}
                      rowKey={(x) => x.id}
                      columns={[
                        { header: 'Name', rowHeader: true, cell: (x) => x.signatoryName },
                        { header: 'On behalf of', cell: (x) => partners.find((p) => p.value === String(x.partnerId))?.label ?? 'The partnership' },
                        { header: 'Signed', cell: (x) => ukDate(x.signedOn) || 'Not yet' },
                        ...(readOnly
                          ? []
                          : [
                              {
                                header: 'Change',
                                cell: (x: Signoff) => (
                                  <span className={s.rowActions}>
                                    <Button size="small" icon={<Edit20Regular />} disabled={editingSignoff === x.id} onClick={() => setEditingSignoff(x.id)} aria-label={`Edit the sign-off by ${x.signatoryName}`}>
                                      Edit
                                    </Button>
                                    <RowDeleteButton channel="signoff:delete" id={x.id} what={`the sign-off by ${x.signatoryName}`} />
                                  </span>
                                ),
                              },
                            ]),
                      ]}
                    />
                  </>
                );
              }}
            </QueryView>
          </Section>
        </Page>
      )}
    </QueryView>
  );
}
