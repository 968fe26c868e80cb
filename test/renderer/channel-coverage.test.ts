/**
 * Every channel the contract offers is reachable from a screen (issue #15: 30 of 146 channels had no
 * UI, so an officer could not correct or remove what they had entered). A channel counts as used when
 * renderer code (comments stripped) names it as a string literal — channels are `domain:verb`
 * literals, never built at run time (style.md), so this static read is exact.
 *
 * The allow-list is for channels that deliberately have no screen; each says why. An entry for a
 * channel that a screen now calls, or that no longer exists, fails too, so the list cannot rot.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { channelNames, type ChannelName } from '../../electron/contract/channels';

const NOT_FOR_SCREENS: Partial<Record<ChannelName, string>> = {
  'workbook:check':
    'The command line’s `workbook check` (integrity, schema version, counts) through dispatch; the Backups screen checks the history with audit:verify.',
  'workbook:exportJson':
    'The command line’s `workbook export-json` (the whole workbook as JSON, for another copy of the app) through dispatch; no screen offers a raw data dump.',
  'evidence:importFile':
    'One file of a folder import, for the command line (it reads the folder itself); the desktop’s folder import runs in the workbook host with its own progress.',
  'file:processText':
    'Reads and stores the text of files still waiting, then says how many remain: a command for the command line, scripts and tests over browser mode. A screen never waits on it: attaching starts the same work in the background, and search shows what is indexed so far.',
  'partner:get':
    'Settings lists every partner with every field (partner:list), so no screen needs to read one alone; scripts over browser mode do.',
  'history:get':
    "One record's raw audit entries, for the command line and scripts. The History screen reads history:changes, which words the same entries through history-wording.ts.",
  'history:recent':
    'Raw audit entries, for the command line and scripts. Screens read history:changes, which words the same entries through the one wording function (history-wording.ts), so no screen shows raw history.',
  'milestone:get':
    "A milestone is shown and edited from its action's page, which reads them all with milestone:list; no screen shows one alone.",
  'person:get':
    'Settings lists every person with every field (person:list), so no screen needs to read one alone; scripts over browser mode do.',
};

const ROOT = join(__dirname, '..', '..', 'renderer');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/**
 * Removes // and /* *\/ comments, and type references such as ChannelOutput<'partner:get'>, so a
 * channel mentioned only in prose or borrowed for its type does not count as used.
 */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1')
    .replace(/Channel(?:Output|Input)<\s*['"`][^'"`]+['"`]\s*>/g, '');
}

const rendererText = sourceFiles(ROOT)
  .map((f) => withoutComments(readFileSync(f, 'utf8')))
  .join('\n');

function usedByRenderer(channel: string): boolean {
  const escaped = channel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`['"\`]${escaped}['"\`]`).test(rendererText);
}

test('every contract channel is called by some screen, or is allow-listed with a reason', () => {
  const unused = channelNames.filter((c) => !usedByRenderer(c) && !(c in NOT_FOR_SCREENS));
  expect(unused, `Channels no screen calls (give them a UI, or allow-list them with a reason): ${unused.join(', ')}`).toEqual([]);
});

test('the allow-list names only real channels that no screen calls, each with a reason', () => {
  for (const [channel, reason] of Object.entries(NOT_FOR_SCREENS)) {
    expect(channelNames, `${channel} is allow-listed but is not a channel`).toContain(channel);
    expect(usedByRenderer(channel), `${channel} is allow-listed but a screen now calls it: remove it from the list`).toBe(false);
    expect(reason.length).toBeGreaterThan(30);
  }
});

test('the scan sees a channel named only in a comment as unused, and one in JSX as used', () => {
  expect(withoutComments("// calls 'x:y' later\nconst a = 1;")).not.toContain("'x:y'");
  expect(withoutComments('<DeleteButton channel="event:delete" />')).toContain('"event:delete"');
  expect(withoutComments("type P = ChannelOutput<'partner:get'>;")).not.toContain('partner:get');
  expect(usedByRenderer('event:delete')).toBe(true);
});
