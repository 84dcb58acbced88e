/**
 * Columns in the language server (the real bundled server over stdio): go to definition, references
 * (through a RENAME COLUMN) and hover on a column, with non-ASCII text before the names (UTF-8 bytes in the
 * engine, UTF-16 in LSP positions), and an edit that adds or drops a column republishing another file's
 * `unknown-column`.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Hover, Location, LocationLink } from 'vscode-languageserver-protocol';
import { LspClient, uri } from '../support/lspClient';

const INIT = '20240101000000_init.sql';
const ALTER = '20240102000000_alter.sql';
const USES = '20240103000000_uses.sql';
const LATER = '20240104000000_later.sql';

const FILES: Record<string, string> = {
  [INIT]: [
    '-- schéma initial 🚀',
    'create table public.profiles (',
    '  id uuid primary key,',
    `  "näme" text not null default 'ä', email text`,
    ');',
    '',
  ].join('\n'),
  [ALTER]: [
    'alter table public.profiles rename column email to contact_email;',
    'alter table public.profiles alter column contact_email type varchar(320);',
    `alter table public.profiles alter column contact_email set default 'nobody@example.com';`,
    '',
  ].join('\n'),
  [USES]: [
    'create index profiles_contact_idx /* 🔑 ü */ on public.profiles (contact_email);',
    `create policy "own" on public.profiles for select using ("näme" = 'x' and contact_email is not null);`,
    '',
  ].join('\n'),
  [LATER]: ['create index profiles_phone_idx on public.profiles (phone);', ''].join('\n'),
};

/** The LSP position (UTF-16 code units) of the `occurrence`th `needle` in `text`. */
function posOf(text: string, needle: string, occurrence = 1): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i < occurrence; i++) idx = text.indexOf(needle, idx + 1);
  if (idx < 0) throw new Error(`${needle} not found`);
  const before = text.slice(0, idx);
  return { line: before.split('\n').length - 1, character: idx - before.lastIndexOf('\n') - 1 };
}

function rangeOf(text: string, needle: string, occurrence = 1) {
  const start = posOf(text, needle, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

describe('language server: columns', function () {
  this.timeout(60_000);
  let root: string;
  let file: (n: string) => string;
  let c: LspClient;

  beforeEach(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-cols-'));
    const mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    for (const [n, text] of Object.entries(FILES)) writeFileSync(path.join(mig, n), text);
    file = (n) => path.join(mig, n);
    c = new LspClient();
    await c.initialize(root);
    await c.waitFor(() => c.codes(uri(file(LATER))).includes('unknown-column'), 'initial diagnostics');
  });
  afterEach(async () => {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  });

  const request = <T>(method: string, n: string, position: { line: number; character: number }, extra: Record<string, unknown> = {}) =>
    c.conn.sendRequest(method, { textDocument: { uri: uri(file(n)) }, position, ...extra }) as Promise<T>;

  it('go to definition: where the column was added, and where it was last renamed or altered before that point', async () => {
    const use = rangeOf(FILES[USES], 'contact_email');
    const defs = await request<LocationLink[]>('textDocument/definition', USES, { line: use.start.line, character: use.start.character + 3 });
    assert.deepEqual(
      defs.map((d) => [path.basename(new URL(d.targetUri).pathname), d.targetSelectionRange]),
      [
        [INIT, rangeOf(FILES[INIT], 'email')],
        [ALTER, rangeOf(FILES[ALTER], 'contact_email', 3)],
      ],
    );
    assert.deepEqual(defs[0].originSelectionRange, use, 'the origin is the name under the cursor, after a 4-byte character');
    assert.deepEqual(defs[0].targetRange.start, { line: 1, character: 0 }, 'the target range is the creating statement');

    // before the ALTER COLUMNs (the rename's own old name): the definition only
    const old = rangeOf(FILES[ALTER], 'email');
    const defs2 = await request<LocationLink[]>('textDocument/definition', ALTER, old.start);
    assert.deepEqual(defs2.map((d) => d.targetSelectionRange), [rangeOf(FILES[INIT], 'email')]);

    // a quoted non-ASCII name in a policy, defined after non-ASCII text on its line
    const q = rangeOf(FILES[USES], '"näme"');
    const defs3 = await request<LocationLink[]>('textDocument/definition', USES, { line: q.start.line, character: q.start.character + 2 });
    assert.deepEqual(defs3.map((d) => [path.basename(new URL(d.targetUri).pathname), d.targetSelectionRange]), [[INIT, rangeOf(FILES[INIT], '"näme"')]]);
  });

  it('references: every use and definition of the column, across a RENAME COLUMN', async () => {
    const expected = [
      [INIT, rangeOf(FILES[INIT], 'email')],
      [ALTER, rangeOf(FILES[ALTER], 'email')],
      [ALTER, rangeOf(FILES[ALTER], 'contact_email')],
      [ALTER, rangeOf(FILES[ALTER], 'contact_email', 2)],
      [ALTER, rangeOf(FILES[ALTER], 'contact_email', 3)],
      [USES, rangeOf(FILES[USES], 'contact_email')],
      [USES, rangeOf(FILES[USES], 'contact_email', 2)],
    ];
    const show = (refs: Location[]) => refs.map((r) => [path.basename(new URL(r.uri).pathname), r.range]);
    // from the definition (before the rename) and from a use (after it): the same column
    const fromDef = await request<Location[]>('textDocument/references', INIT, posOf(FILES[INIT], 'email'), { context: { includeDeclaration: true } });
    assert.deepEqual(show(fromDef), expected);
    const fromUse = await request<Location[]>('textDocument/references', USES, posOf(FILES[USES], 'contact_email', 2), { context: { includeDeclaration: true } });
    assert.deepEqual(show(fromUse), expected);
    const withoutDecl = await request<Location[]>('textDocument/references', USES, posOf(FILES[USES], 'contact_email', 2), { context: { includeDeclaration: false } });
    assert.deepEqual(show(withoutDecl), expected.slice(1));
    // another column of the same table is another column
    const id = await request<Location[]>('textDocument/references', INIT, posOf(FILES[INIT], 'id uuid'), { context: { includeDeclaration: true } });
    assert.deepEqual(show(id), [[INIT, rangeOf(FILES[INIT], 'id')]]);
  });

  it('hover: the column as it is at that point, where it was added, and its history', async () => {
    const text = async (n: string, at: { line: number; character: number }) => ((await request<Hover>('textDocument/hover', n, at)).contents as { value: string }).value;
    const atUse = await text(USES, posOf(FILES[USES], 'contact_email'));
    assert.match(atUse, /^\*\*column\*\* `public\.profiles\.contact_email varchar\(320\) DEFAULT 'nobody@example\.com'`/);
    assert.match(atUse, /Created with the table in \[20240101000000_init\.sql\]\([^)]*#L4\) \(line 4\)/);
    assert.match(atUse, /Renamed from `email` to `contact_email` in \[20240102000000_alter\.sql\]/);
    assert.match(atUse, /Type changed to `varchar\(320\)` in \[20240102000000_alter\.sql\]\([^)]*#L2\)/);
    assert.match(atUse, /Default set to `'nobody@example\.com'` in/);
    assert.doesNotMatch(atUse, /\(later\)/);
    // at the definition: as it was created, the rest is later
    const atDef = await text(INIT, posOf(FILES[INIT], 'email'));
    assert.match(atDef, /^\*\*column\*\* `public\.profiles\.email text`/);
    assert.match(atDef, /Renamed from `email` to `contact_email` in .*\(later\)/);
    const quoted = await text(USES, posOf(FILES[USES], 'näme'));
    assert.match(quoted, /^\*\*column\*\* `public\.profiles\."näme" text NOT NULL DEFAULT 'ä'`/);
  });

  it('an edit that adds or drops a column republishes another file\'s unknown-column', async () => {
    const later = uri(file(LATER));
    const uses = uri(file(USES));
    const alter = uri(file(ALTER));
    assert.deepEqual(c.codes(uses), []);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: alter, languageId: 'sql', version: 1, text: FILES[ALTER] } });
    // add the column the later file indexes: its unknown-column goes
    const added = `${FILES[ALTER]}alter table public.profiles add column phone text;\n`;
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: alter, version: 2 }, contentChanges: [{ text: added }] });
    await c.waitFor(() => c.codes(later).length === 0, 'unknown-column gone from the later file');
    // drop the renamed column: the uses file's index and policy name a column that no longer exists
    const dropped = `${added}alter table public.profiles drop column contact_email;\n`;
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: alter, version: 3 }, contentChanges: [{ text: dropped }] });
    await c.waitFor(() => c.codes(uses).filter((x) => x === 'unknown-column').length === 2, 'unknown-column in the uses file');
    assert.deepEqual(c.codes(later), []);
    // and back: the drop and the add undone
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: alter, version: 4 }, contentChanges: [{ text: FILES[ALTER] }] });
    await c.waitFor(() => c.codes(uses).length === 0 && c.codes(later).includes('unknown-column'), 'back to the start');
  });
});
