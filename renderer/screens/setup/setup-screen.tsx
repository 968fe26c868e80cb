/**
 * First-run set-up (issue #16): one short screen for what every other screen and import needs —
 * the area, its LA code, ICB, region, statistical neighbours (by LA code), partners and the
 * framework. Everything here can be changed later in Settings. One 'setup:save' command.
 */
import { Button, Field, Input, MessageBar, MessageBarBody, Select, Spinner, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../../../electron/contract/define';
import { label, PARTNER_KINDS, type PartnerKind } from '../../../electron/contract/enums';
import { NEIGHBOURS_HINT } from '../../../electron/contract/la-code';
import { useApi } from '../../api/api-context';
import { useWorkbook } from '../../app/workbook-context';

const useStyles = makeStyles({
  root: { maxWidth: '760px', margin: '0 auto', padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}` },
  h1: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold, margin: `0 0 ${tokens.spacingVerticalS}` },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', '& > *': { flex: '1 1 220px' } },
  partner: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  fieldset: { border: 'none', padding: 0, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
});

interface PartnerRow {
  key: number;
  name: string;
  kind: PartnerKind;
}

export default function SetupScreen() {
  const s = useStyles();
  const { client, changed } = useApi();
  const { area, reference } = useWorkbook();
  const [areaName, setAreaName] = useState(area.areaName);
  const [laCode, setLaCode] = useState(area.laCode);
  const [icb, setIcb] = useState(area.icb);
  const [region, setRegion] = useState(area.region);
  const [neighbours, setNeighbours] = useState(area.statisticalNeighbours.join('\n'));
  const [frameworkId, setFrameworkId] = useState(area.defaultFrameworkId);
  const [partners, setPartners] = useState<PartnerRow[]>([
    { key: 1, name: area.areaName ? `${area.areaName} Council` : '', kind: 'council' },
    { key: 2, name: '', kind: 'health' },
    { key: 3, name: '', kind: 'parent_carer_forum' },
  ]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = 'Set up this workbook – Evidence Workbook';
  }, []);

  const issue = (path: string) => error?.issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  const state = (path: string) => (issue(path) ? 'error' : 'none') as 'error' | 'none';

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.result('setup:save', {
      areaName,
      laCode,
      icb,
      region,
      statisticalNeighbours: neighbours.split(/[\n,;]+/).map((x) => x.trim()).filter(Boolean),
      partners: partners.filter((p) => p.name.trim() !== '').map((p) => ({ name: p.name, kind: p.kind })),
      defaultFrameworkId: frameworkId,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    changed();
    window.location.hash = '#/';
    window.location.reload();
  };

  const setPartner = (key: number, patch: Partial<PartnerRow>) => setPartners((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  return (
    <main className={s.root} data-path="/setup">
      <h1 className={s.h1}>Set up this workbook</h1>
      <p>Tell the workbook about your local area partnership. Only the area name is needed now; you can change all of this later in Settings.</p>
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error.message}</MessageBarBody>
        </MessageBar>
      )}
      <form className={s.form} onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Set up this workbook">
        <div className={s.row}>
          <Field label="Local area name" required validationMessage={issue('areaName')} validationState={state('areaName')}>
            <Input value={areaName} onChange={(_, d) => setAreaName(d.value)} />
          </Field>
          <Field label="LA code" hint="The 3-digit code (801) and/or the 9-character code (E06000023)." validationMessage={issue('laCode')} validationState={state('laCode')}>
            <Input value={laCode} onChange={(_, d) => setLaCode(d.value)} />
          </Field>
        </div>
        <div className={s.row}>
          <Field label="Integrated care board" validationMessage={issue('icb')} validationState={state('icb')}>
            <Input value={icb} onChange={(_, d) => setIcb(d.value)} />
          </Field>
          <Field label="Region" hint="As the DfE names it, for example South West." validationMessage={issue('region')} validationState={state('region')}>
            <Input value={region} onChange={(_, d) => setRegion(d.value)} />
          </Field>
        </div>
        <Field
          label="Statistical neighbours"
          hint={NEIGHBOURS_HINT}
          validationMessage={issue('statisticalNeighbours')}
          validationState={state('statisticalNeighbours')}
        >
          <Textarea value={neighbours} rows={4} resize="vertical" onChange={(_, d) => setNeighbours(d.value)} />
        </Field>
        <fieldset className={s.fieldset}>
          <legend className={s.legend}>Partners</legend>
          {partners.map((p, i) => (
            <div key={p.key} className={s.partner}>
              <Field label={`Partner ${i + 1} name`} validationMessage={issue(`partners.${i}`)} validationState={state(`partners.${i}`)}>
                <Input value={p.name} onChange={(_, d) => setPartner(p.key, { name: d.value })} />
              </Field>
              <Field label={`Partner ${i + 1} type`}>
                <Select value={p.kind} onChange={(_, d) => setPartner(p.key, { kind: d.value as PartnerKind })}>
                  {PARTNER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {label(k)}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button icon={<Delete20Regular />} aria-label={`Remove partner ${i + 1}`} onClick={() => setPartners((rows) => rows.filter((r) => r.key !== p.key))} />
            </div>
          ))}
          <div>
            <Button icon={<Add20Regular />} onClick={() => setPartners((rows) => [...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, name: '', kind: 'other' }])}>
              Add another partner
            </Button>
          </div>
        </fieldset>
        <Field label="Inspection framework" hint="You can record inspections under other frameworks too." validationMessage={issue('defaultFrameworkId')} validationState={state('defaultFrameworkId')}>
          <Select value={frameworkId} onChange={(_, d) => setFrameworkId(d.value)}>
            {reference.frameworks.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? <Spinner size="tiny" label="Saving…" /> : 'Save and continue'}
          </Button>
        </div>
      </form>
    </main>
  );
}
