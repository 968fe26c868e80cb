/** One criterion of a self-evaluation: judgement on the chosen scale, confidence, narratives, linked evidence and actions, coverage warnings. */
import { Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ChannelOutput } from '../../../electron/contract/channels';
import { CONFIDENCE_LEVELS, label } from '../../../electron/contract/enums';
import { toApiError, useApi, useQuery } from '../../api/api-context';
import { useForm } from '../../api/use-form';
import { RouteLink } from '../../app/router';
import type { ScreenProps } from '../../app/route-types';
import { frameworkOf, useWorkbook } from '../../app/workbook-context';
import { EvidenceLinksPanel } from '../../components/evidence-links-panel';
import { CheckboxField, FieldRow, FormShell, SelectField, TextField } from '../../components/form-fields';
import { Page, Section } from '../../components/page';
import { RagBadge } from '../../components/rag-badge';
import { HistoryButton } from '../../components/record-actions';
import { ErrorState, QueryView } from '../../components/states';

type SectionRow = ChannelOutput<'section:get'>;
type Sef = ChannelOutput<'sef:get'>;

const useStyles = makeStyles({ linkRow: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap', marginTop: tokens.spacingVerticalM } });

function SectionForm({ section, sef }: { section: SectionRow; sef: Sef }) {
  const { reference } = useWorkbook();
  const scale = reference.scales.find((s) => s.id === sef.scaleId);
  const form = useForm({
    channel: 'section:update',
    initial: {
      judgement: section.judgement ?? '',
      confidence: section.confidence ?? '',
      whatWeKnow: section.whatWeKnow,
      whatWeHaveDone: section.whatWeHaveDone,
      impact: section.impact,
      whatNext: section.whatNext,
      strengths: section.strengths,
      areasForDevelopment: section.areasForDevelopment,
      isDraft: section.isDraft as boolean,
    },
    toInput: (v) => ({
      id: section.id,
      expectedVersion: section.version,
      judgement: v.judgement || null,
      confidence: v.confidence || null,
      whatWeKnow: v.whatWeKnow,
      whatWeHaveDone: v.whatWeHaveDone,
      impact: v.impact,
      whatNext: v.whatNext,
      strengths: v.strengths,
      areasForDevelopment: v.areasForDevelopment,
      isDraft: v.isDraft === true,
    }),
  });
  return (
    <FormShell form={form} label="Judgement and narrative" saveLabel="Save section">
      <FieldRow>
        <SelectField form={form} name="judgement" label={`Judgement (${scale?.name ?? sef.scaleId})`} emptyLabel="Not judged yet" options={(scale?.levels ?? []).map((l) => ({ value: l.id, label: l.label }))} />
        <SelectField form={form} name="confidence" label="Confidence in the judgement" emptyLabel="Not stated" options={CONFIDENCE_LEVELS.map((c) => ({ value: c, label: label(c) }))} />
      </FieldRow>
      <TextField form={form} name="whatWeKnow" label="What we know" multiline rows={5} />
      <TextField form={form} name="whatWeHaveDone" label="What we have done" multiline rows={5} />
      <TextField form={form} name="impact" label="Impact" hint="The difference made for children, young people and families, with evidence references." multiline rows={5} />
      <TextField form={form} name="whatNext" label="What next" hint="With action plan references." multiline rows={4} />
      <FieldRow>
        <TextField form={form} name="strengths" label="Strengths" multiline rows={4} />
        <TextField form={form} name="areasForDevelopment" label="Areas for development" multiline rows={4} />
      </FieldRow>
      <CheckboxField form={form} name="isDraft" label="Still a draft" />
    </FormShell>
  );
}

function LinkedActions({ section }: { section: SectionRow }) {
  const s = useStyles();
  const { client, changed } = useApi();
  const { readOnly } = useWorkbook();
  const actions = useQuery('action:list', { limit: 500 });
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<ReturnType<typeof toApiError> | null>(null);
  const run = async (channel: 'section:linkAction' | 'section:unlinkAction', actionId: number) => {
    setProblem(null);
    try {
      await client.call(channel, { sectionId: section.id, actionId });
      setChosen('');
      changed();
    } catch (e) {
      setProblem(toApiError(e));
    }
  };
  const all = actions.status === 'ok' ? actions.data.items : [];
  const linked = all.filter((a) => section.actionIds.includes(a.id));
  return (
    <Section title="Linked actions">
      {problem && <ErrorState error={problem} />}
      {linked.length === 0 ? (
        <p>No actions linked. Link the actions that answer “What next”.</p>
      ) : (
        <ul>
          {linked.map((a) => (
            <li key={a.id}>
              <RouteLink to={`/actions/${a.id}`}>{`${a.reference} ${a.what}`}</RouteLink> <RagBadge rag={a.rag} />{' '}
              {!readOnly && (
                <Button size="small" aria-label={`Unlink action ${a.reference}`} onClick={() => run('section:unlinkAction', a.id)}>
                  Unlink
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className={s.linkRow}>
          <Field label="Action to link">
            <Select value={chosen} onChange={(_, d) => setChosen(d.value)}>
              <option value="">Choose an action</option>
              {all.filter((a) => !section.actionIds.includes(a.id)).map((a) => <option key={a.id} value={a.id}>{`${a.reference} ${a.what}`}</option>)}
            </Select>
          </Field>
          <Button disabled={!chosen} onClick={() => run('section:linkAction', Number(chosen))}>Link action</Button>
        </div>
      )}
    </Section>
  );
}

export default function SectionScreen({ params }: ScreenProps) {
  const id = Number(params.id);
  const { reference } = useWorkbook();
  const section = useQuery('section:get', { id });
  const sef = useQuery('sef:get', section.status === 'ok' ? { id: section.data.sefId } : null);
  const coverage = useQuery('report:coverage', section.status === 'ok' ? { scope: 'sefSection', sefId: section.data.sefId } : null);
  return (
    <QueryView query={section}>
      {(x) => {
        const criterion = sef.status === 'ok' ? frameworkOf(reference, sef.data.frameworkId)?.criteria.find((c) => c.id === x.criterionId) : undefined;
        const warnings = coverage.status === 'ok' ? (coverage.data.find((c) => c.targetId === x.id)?.warnings ?? []) : [];
        return (
          <Page
            title={x.criterionLabel}
            subtitle={sef.status === 'ok' ? sef.data.title : undefined}
            crumbs={[{ label: 'Self-evaluation', to: '/sef' }, ...(sef.status === 'ok' ? [{ label: sef.data.title, to: `/sef/${sef.data.id}` }] : [])]}
            actions={<HistoryButton entity="section" id={x.id} />}
          >
            {criterion?.guidance && <p>{criterion.guidance}</p>}
            {warnings.length > 0 && (
              <MessageBar intent="warning" style={{ marginBottom: tokens.spacingVerticalL }}>
                <MessageBarBody>
                  <MessageBarTitle>Evidence coverage</MessageBarTitle>
                  {warnings.join(' ')}
                </MessageBarBody>
              </MessageBar>
            )}
            <Section title="Judgement and narrative">{sef.status === 'ok' ? <SectionForm key={x.version} section={x} sef={sef.data} /> : null}</Section>
            <EvidenceLinksPanel target={{ type: 'sefSection', id: x.id }} title="Evidence cited" />
            <LinkedActions section={x} />
          </Page>
        );
      }}
    </QueryView>
  );
}
