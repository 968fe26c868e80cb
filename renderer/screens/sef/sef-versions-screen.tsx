/** Self-evaluation versions: create one (from a framework and scale, optionally copying an earlier one) and compare two. */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { label } from '../../../electron/contract/enums';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { dateInput, idInput, useForm } from '../../api/use-form';
import { navigate, RouteLink } from '../../app/router';
import { frameworkOf, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';
import { todayUk } from '../../components/today';
import { defaultScaleFor } from '../../../electron/contract/schemas/sef';

const useStyles = makeStyles({ compare: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' } });

function SefCreateForm({ versions, onCancel }: { versions: { id: number; title: string; asOf: string }[]; onCancel(): void }) {
  const { reference, area } = useWorkbook();
  const current = reference.frameworks.filter((f) => f.effectiveTo === null);
  const form = useForm({
    channel: 'sef:create',
    // No scale chosen: the framework's usual one (a predicted outcome for Area SEND, RAG for 2016). A choice is kept.
    initial: { title: '', frameworkId: area.defaultFrameworkId || current[0]?.id || '', scaleId: '', asOf: todayUk(), copyFromSefId: '' },
    resetAfterSave: true,
    toInput: (v) => ({ title: v.title, frameworkId: v.frameworkId, scaleId: v.scaleId || undefined, asOf: dateInput(v.asOf) ?? '', copyFromSefId: idInput(v.copyFromSefId) }),
    onSaved: (sef) => navigate(`/sef/${sef.id}`, { force: true }),
  });
  return (
    <FormShell form={form} label="Create a self-evaluation" saveLabel="Create self-evaluation" onCancel={onCancel}>
      <TextField form={form} name="title" label="Self-evaluation title" hint="For example, SEND self-evaluation, autumn 2026" required />
      <FieldRow>
        <SelectField form={form} name="frameworkId" label="Framework" hint="Its evaluation criteria become the sections." options={reference.frameworks.map((f) => ({ value: f.id, label: f.name }))} />
        <SelectField
          form={form}
          name="scaleId"
          label="Judgement scale"
          emptyLabel={`The framework's usual scale (${reference.scales.find((x) => x.id === defaultScaleFor(frameworkOf(reference, String(form.values.frameworkId))))?.name ?? 'red, amber, green'})`}
          options={reference.scales.map((s) => ({ value: s.id, label: s.name }))}
        />
      </FieldRow>
      <FieldRow>
        <DateField form={form} name="asOf" label="As-of date" required />
        <SelectField form={form} name="copyFromSefId" label="Copy judgements and narratives from" emptyLabel="Start empty" options={versions.map((v) => ({ value: String(v.id), label: `${v.title} (${ukDate(v.asOf)})` }))} />
      </FieldRow>
    </FormShell>
  );
}

export default function SefVersionsScreen() {
  const s = useStyles();
  const { reference, readOnly } = useWorkbook();
  const sefs = useQuery('sef:list', { limit: 500 });
  const [adding, setAdding] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const versions = sefs.status === 'ok' ? [...sefs.data.items].sort((a, b) => b.asOf.localeCompare(a.asOf)) : [];
  return (
    <Page
      title="Self-evaluation"
      subtitle="The partnership's own view of how well it serves children and young people with SEND, by criterion."
      actions={!readOnly && !adding && <Button appearance="primary" icon={<Add20Regular />} onClick={() => setAdding(true)}>Create a self-evaluation</Button>}
    >
      {adding && (
        <Section title="Create a self-evaluation">
          <SefCreateForm versions={versions} onCancel={() => setAdding(false)} />
        </Section>
      )}
      <QueryView query={sefs}>
        {() =>
          versions.length === 0 ? (
            <EmptyState title="No self-evaluation yet">Choose “Create a self-evaluation”: pick the framework (its criteria become the sections) and the judgement scale your area uses.</EmptyState>
          ) : (
            <>
              <DataTable
                caption="Versions"
                captionHidden
                rows={versions}
                rowKey={(v) => v.id}
                columns={[
                  { header: 'Version', rowHeader: true, cell: (v) => <RouteLink to={`/sef/${v.id}`}>{v.title}</RouteLink> },
                  { header: 'As at', cell: (v) => ukDate(v.asOf) },
                  { header: 'Framework', cell: (v) => frameworkOf(reference, v.frameworkId)?.shortName ?? v.frameworkId },
                  { header: 'Scale', cell: (v) => reference.scales.find((x) => x.id === v.scaleId)?.name ?? v.scaleId },
                  { header: 'Status', cell: (v) => label(v.status) },
                ]}
              />
              {versions.length > 1 && (
                <Section title="Compare two versions">
                  <div className={s.compare}>
                    <Field label="Earlier version">
                      <Select value={from} onChange={(_, d) => setFrom(d.value)}>
                        <option value="">Choose</option>
                        {versions.map((v) => <option key={v.id} value={v.id}>{`${v.title} (${ukDate(v.asOf)})`}</option>)}
                      </Select>
                    </Field>
                    <Field label="Later version">
                      <Select value={to} onChange={(_, d) => setTo(d.value)}>
                        <option value="">Choose</option>
                        {versions.map((v) => <option key={v.id} value={v.id}>{`${v.title} (${ukDate(v.asOf)})`}</option>)}
                      </Select>
                    </Field>
                    <Button disabled={!from || !to || from === to} onClick={() => navigate(`/compare/${from}/${to}`)}>Compare</Button>
                  </div>
                </Section>
              )}
            </>
          )
        }
      </QueryView>
    </Page>
  );
}
