/**
 * A screen's one uploaded file: sending it with progress, replacing it when another is chosen, and
 * removing the backend's copy when the screen closes (the import wizards read the file in place,
 * so the copy lives only as long as the wizard).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApi } from './api-context';
import { cancelUpload, sendFile } from './send-file';

export interface Sending {
  name: string;
  done: number;
  total: number;
}

export function useFileUpload(): {
  /** The file being sent, while it is; null otherwise. */
  sending: Sending | null;
  /** Sends the file (discarding the one sent before) and returns the upload's id. */
  send(file: File): Promise<string>;
  /** Removes the copy sent last, if any. */
  discard(): void;
} {
  const { client } = useApi();
  const [sending, setSending] = useState<Sending | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => () => cancelUpload(client, current.current), [client]);

  const discard = useCallback(() => {
    cancelUpload(client, current.current);
    current.current = null;
  }, [client]);

  const send = useCallback(
    async (file: File) => {
      discard();
      setSending({ name: file.name, done: 0, total: file.size });
      try {
        const id = await sendFile(client, file, (done, total) => setSending({ name: file.name, done, total }));
        current.current = id;
        return id;
      } finally {
        setSending(null);
      }
    },
    [client, discard],
  );

  return { sending, send, discard };
}
