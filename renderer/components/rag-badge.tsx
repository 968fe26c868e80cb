/** RAG is always shown as words and colour together (never colour alone), in the area's status key. */
import { makeStyles, tokens } from '@fluentui/react-components';
import { label } from '../../electron/contract/enums';
import { useWorkbook } from '../app/workbook-context';

const useStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
});

const FALLBACK: Record<string, { fill: string; text: string }> = {
  red: { fill: '#D4351C', text: '#FFFFFF' },
  amber: { fill: '#FFDD00', text: '#0B0C0C' },
  green: { fill: '#00703C', text: '#FFFFFF' },
  blue: { fill: '#1D70B8', text: '#FFFFFF' },
};

export function useRagStyle(rag: string) {
  const { reference, area } = useWorkbook();
  const key = reference.statusKeys.find((k) => k.id === area.statusKeyId) ?? reference.statusKeys[0];
  const entry = key?.entries.find((e) => e.rag === rag);
  const colours = entry ?? FALLBACK[rag] ?? { fill: '#EDEBE9', text: '#242424' };
  return { label: entry?.label ?? label(rag), fill: colours.fill, text: colours.text, meaning: entry?.meaning ?? '' };
}

export function RagBadge({ rag, prefix }: { rag: string | null | undefined; prefix?: string }) {
  const s = useStyles();
  const style = useRagStyle(rag ?? '');
  if (!rag) return <span>No RAG</span>;
  return (
    <span className={s.badge} style={{ backgroundColor: style.fill, color: style.text }} title={style.meaning || undefined}>
      {prefix ? `${prefix} ` : ''}
      {style.label}
    </span>
  );
}
