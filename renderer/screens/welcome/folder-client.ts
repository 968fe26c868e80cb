/** Browser mode's Welcome calls (folder:list/create/open): POST /api/<op> with this tab's token, like the contract. */
import type { Result } from '../../../electron/contract/define';
import type { FolderOpInput, FolderOpName, FolderOpOutput } from '../../../electron/contract/workbook-folder';
import { takeTokenFromUrl } from '../../api/transport';

export async function folderCall<N extends FolderOpName>(op: N, input: FolderOpInput<N>): Promise<Result<FolderOpOutput<N>>> {
  const token = takeTokenFromUrl();
  try {
    const response = await fetch(`/api/${op}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<FolderOpOutput<N>>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The workbook server is not answering. Check that it is still running, then try again.' } };
  }
}
