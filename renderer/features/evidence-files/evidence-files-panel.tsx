/**
 * The files of one evidence item: attach (pick, or drag and drop), open, save as, and remove to
 * the Bin. On the desktop the main process shows the dialogs and reads and writes the files; in
 * browser mode files go up as bytes and come back as downloads. Paths never pass through here.
 */
import {
  Button,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Attach20Regular, Delete20Regular, Open20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { ApiFailure, type Client } from '../../../electron/contract/client';
import type { FilesShell } from '../../../electron/contract/files-shell-api';
import { formatBytes, ukDate } from '../../../electron/contract/format';
import type { EvidenceFileView } from '../../../electron/contract/groups/files';
import { notify } from '../../components/notices';
import { downloadBytes, uploadFile } from './upload-file';

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  dragging: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, display: 'block' },
});

const message = (e: unknown) => (e instanceof ApiFailure ? e.message : 'Something went wrong. Nothing was changed; try again.');

export interface EvidenceFilesPanelProps {
  client: Client;
  evidenceId: number;
  readOnly: boolean;
  /** window.workbookFiles on the desktop; absent in browser mode. */
  shell?: FilesShell;
  /** Called after a change (so other panels can refresh). */
  onChanged?: () => void;
}

export function EvidenceFilesPanel({ client, evidenceId, readOnly, shell, onChanged }: EvidenceFilesPanelProps) {
  const s = useStyles();
  const [files, setFiles] = useState<EvidenceFileView[] | null>(null);
  const [notes, setNotes] = useState<{ intent: 'success' | 'warning' | 'error'; text: string }[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    client.call('file:list', { evidenceId }).then(setFiles, (e: unknown) => setNotes([{ intent: 'error', text: message(e) }]));
  }, [client, evidenceId]);
  useEffect(load, [load]);
  // Text is read in the background: look again while any file is still waiting.
  useEffect(() => {
    if (!files?.some((f) => f.textStatus === 'pending')) return;
    const timer = setTimeout(load, 1500);
    return () => clearTimeout(timer);
  }, [files, load]);

  const changed = () => {
    load();
    onChanged?.();
  };

  const uploadAll = async (list: File[]) => {
    const out: typeof notes = [];
    for (const file of list) {
      setBusy(`Attaching ${file.name}…`);
      try {
        const r = await uploadFile(client, evidenceId, file);
        out.push({ intent: r.notice ? 'warning' : 'success', text: r.notice ?? `${r.file.fileName} attached.` });
      } catch (e) {
        out.push({ intent: 'error', text: `${file.name}: ${message(e)}` });
      }
    }
    setBusy(null);
    setNotes(out);
    changed();
  };

  const pick = async () => {
    if (!shell) {
      input.current?.click();
      return;
    }
    setBusy('Attaching…');
    const r = await shell.pickAndAttach(evidenceId);
    setBusy(null);
    if (!r.ok) {
      if (r.error.code !== 'cancelled') setNotes([{ intent: 'error', text: r.error.message }]);
      return;
    }
    setNotes([
      ...r.value.attached.map((a) => ({ intent: a.notice ? ('warning' as const) : ('success' as const), text: a.notice ?? `${a.fileName} attached.` })),
      ...r.value.refused.map((f) => ({ intent: 'error' as const, text: `${f.fileName}: ${f.reason}` })),
    ]);
    changed();
  };

  const open = async (f: EvidenceFileView, saveAs: boolean) => {
    if (shell) {
      const r = saveAs ? await shell.saveFileAs(f.id) : await shell.openFile(f.id);
      if (!r.ok && r.error.code !== 'cancelled') setNotes([{ intent: 'error', text: r.error.message }]);
      return;
    }
    try {
      const got = await client.call('file:get', { id: f.id });
      downloadBytes(got.fileName, got.mimeType, got.base64);
    } catch (e) {
      setNotes([{ intent: 'error', text: message(e) }]);
    }
  };

  const remove = async (f: EvidenceFileView) => {
    // No confirm(): the file goes to the Bin at once and the notice offers Undo (issue #15).
    try {
      const d = await client.call('file:delete', { id: f.id });
      setNotes([{ intent: 'success', text: `${f.fileName} moved to the Bin.` }]);
      changed();
      notify(`${f.fileName} moved to the Bin. Undo?`, {
        focus: true,
        undo: async () => {
          await client.call('bin:restore', { binEntryId: d.binEntryId });
          changed();
        },
      });
    } catch (e) {
      setNotes([{ intent: 'error', text: message(e) }]);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (readOnly) return;
    void uploadAll(Array.from(e.dataTransfer.files));
  };

  return (
    <section aria-label="Files">
      <div
        className={mergeClasses(s.drop, dragging && s.dragging)}
        onDragOver={(e) => {
          if (readOnly) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        {!readOnly && (
          <div className={s.actions}>
            <Button icon={<Attach20Regular />} onClick={() => void pick()} disabled={busy !== null}>
              Attach files…
            </Button>
            <Text className={s.note}>or drag files here. Up to 200 MB each; kept inside the workbook.</Text>
            <input
              ref={input}
              type="file"
              multiple
              hidden
              aria-hidden
              onChange={(e) => {
                const list = Array.from(e.target.files ?? []);
                e.target.value = '';
                void uploadAll(list);
              }}
            />
          </div>
        )}
        {busy && <ProgressBar aria-label={busy} />}
        <div aria-live="polite">
          {notes.map((n, i) => (
            <MessageBar key={i} intent={n.intent}>
              <MessageBarBody>{n.text}</MessageBarBody>
            </MessageBar>
          ))}
        </div>
        {files && files.length === 0 && <Text className={s.note}>No files attached yet.</Text>}
        {files && files.length > 0 && (
          <Table aria-label="Attached files" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell>Type</TableHeaderCell>
                <TableHeaderCell>Size</TableHeaderCell>
                <TableHeaderCell>Added</TableHeaderCell>
                <TableHeaderCell>Actions</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {files.map((f) => (
                <TableRow key={f.id}>
                  <TableCell>
                    {f.fileName}
                    {f.textStatus === 'pending' && <Text className={s.note}>Reading its text for search…</Text>}
                    {f.textNote && <Text className={s.note}>{f.textNote}</Text>}
                  </TableCell>
                  <TableCell>{f.typeLabel}</TableCell>
                  <TableCell>{formatBytes(f.size)}</TableCell>
                  <TableCell>{ukDate(f.addedOn)}</TableCell>
                  <TableCell>
                    <div className={s.actions}>
                      <Button size="small" icon={<Open20Regular />} onClick={() => void open(f, false)} aria-label={`Open ${f.fileName}`}>
                        Open
                      </Button>
                      <Button size="small" icon={<ArrowDownload20Regular />} onClick={() => void open(f, true)} aria-label={`Save as… ${f.fileName}`}>
                        Save as…
                      </Button>
                      {!readOnly && (
                        <Button size="small" icon={<Delete20Regular />} onClick={() => void remove(f)} aria-label={`Remove ${f.fileName} (to the Bin)`}>
                          Remove
                        </Button>
                      )}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </section>
  );
}
