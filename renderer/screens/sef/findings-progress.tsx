/**
 * The self-evaluation's "progress against previous findings" part (issue #13): each finding that
 * needed a plan, its latest verdict, and where a leader records the partnership's current view
 * (an assessment with no inspection event), which the Word SEF prints as "Our current view".
 */
import { Button } from '@fluentui/react-components';
import { Edit20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ukDate } from '../../../electron/contract/format';
import { useQuery } from '../../api/api-context';
import { dateInput, useForm } from '../../api/use-form';
import { RouteLink } from '../../app/router';
import { assessmentResultLabel, findingTypeLabel, useWorkbook } from '../../app/workbook-context';
import { DataTable } from '../../components/data-table';
import { DateField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Section } from '../../components/page';
import { EmptyState, QueryView } from '../../components/states';

interface FindingRow {
  id: number;
  reference: string;
  title: string;
  type: string;
  eventId: number;
  latestAssessment: { result: string; assessedOn: string; eventId: number | null } | null;
}

function CurrentViewForm({ finding, asOf, onDone }: { finding: FindingRow; asOf: string; onDone(): void }) {
  const { reference } = useWorkbook();
  const results = reference.frameworks.flatMap((f) => f.assessmentResults).filter((r, i, all) => all.findIndex((x) => x.id === r.id) === i);
  const form = useForm({
    channel: 'assessment:create',
    initial: { result: '', commentary: '', assessedOn: ukDate(asOf) },
    toInput: (v) => ({ findingId: finding.id, eventId: null, result: v.result, commentary: v.commentary, assessedOn: dateInput(v.assessedOn) ?? '' }),
    onSaved: onDone,
  });
  const name = `${finding.reference ? `${finding.reference} ` : ''}${finding.title}`;
  return (
    <FormShell form={form} label={`Our current view of ${name}`} saveLabel="Record our view" onCancel={onDone}>
      <FieldRow>
        <SelectField form={form} name="result" label="Our view" required emptyLabel="Choose" options={results.map((r) => ({ value: r.id, label: r.label }))} />
        <DateField form={form} name="assessedOn" label="As at" required />
      </FieldRow>
      <TextField form={form} name="commentary" label="Why we think so (cite evidence such as E-012)" multiline rows={3} />
    </FormShell>
  );
}

export function FindingsProgress({ asOf }: { asOf: string }) {
  const { reference, readOnly } = useWorkbook();
  const findings = useQuery('finding:list', { limit: 500 });
  const [recording, setRecording] = useState<number | null>(null);
  const needsPlan = (type: string) => reference.frameworks.some((f) => f.findingTypes.some((t) => t.id === type && t.requiresPlanType != null));
  return (
    <Section title="Progress against previous findings">
      <QueryView query={findings}>
        {(page) => {
          const rows = (page.items as FindingRow[]).filter((f) => needsPlan(f.type));
          const editing = rows.find((f) => f.id === recording);
          return rows.length === 0 ? (
            <EmptyState title="No findings that needed a plan">Record the inspection and its findings under Inspections.</EmptyState>
          ) : (
            <>
              {editing && <CurrentViewForm finding={editing} asOf={asOf} onDone={() => setRecording(null)} />}
              <DataTable
                caption="Findings and the latest view of each"
                rows={rows}
                rowKey={(f) => f.id}
                columns={[
                  { header: 'Finding', rowHeader: true, cell: (f) => <RouteLink to={`/findings/${f.id}`}>{`${f.reference ? `${f.reference} ` : ''}${f.title}`}</RouteLink> },
                  { header: 'Type', cell: (f) => findingTypeLabel(reference, f.type) },
                  {
                    header: 'Latest view',
                    cell: (f) =>
                      f.latestAssessment
                        ? `${assessmentResultLabel(reference, f.latestAssessment.result)} (${f.latestAssessment.eventId == null ? 'our view' : 'inspection'}, ${ukDate(f.latestAssessment.assessedOn)})`
                        : 'No verdict or view recorded yet',
                  },
                  ...(readOnly
                    ? []
                    : [
                        {
                          header: 'Our current view',
                          cell: (f: FindingRow) => (
                            <Button size="small" icon={<Edit20Regular />} disabled={recording === f.id} onClick={() => setRecording(f.id)}>
                              Record our view
                            </Button>
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
  );
}
