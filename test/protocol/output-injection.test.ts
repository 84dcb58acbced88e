/**
 * Output injection (issue #20, item 3) through the bundled server: a quoted identifier, a column, a type and a
 * file name written to make Markdown links (`command:` URIs), HTML, autolinks, table cells and terminal
 * control sequences. The hover shows them as written and makes none of them; diagnostics hold no control
 * character.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Hover } from 'vscode-languageserver-protocol';
import { rawControl } from '../support/hostile';
import { LspClient, uri } from '../support/lspClient';

// (each under Postgres' 63 bytes: a longer identifier is truncated)
const TABLE = 't](command:x) <img src=x> www.e.co \x1b]0;p\x07\u202e | *em* `c`';
const COLUMN = 'c|ol](command:x) <b>b</b>\x1b[2J';
const COLUMN2 = '[x](https://e.co) `c` _u_ &amp; \\ *e*';
const TYPE = 'ty|pe`x';
const CREATOR = '20240101000000_t)[y](command:evil) <b>x.sql';
const USER = '20240101000001_use.sql';
const BAD = '20240101000002_bad.sql';

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Text content of rendered HTML (tags dropped, entities decoded). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('language server: output injection', function () {
  this.timeout(60_000);
  let root: string;
  let mig: string;
  let c: LspClient;

  before(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), 'sbm-lsp-inject-'));
    mig = path.join(root, 'supabase', 'migrations');
    mkdirSync(mig, { recursive: true });
    writeFileSync(path.join(mig, CREATOR), `create type public.${q(TYPE)} as enum ('a');\ncreate table public.${q(TABLE)} (\n  id int primary key,\n  ${q(COLUMN)} public.${q(TYPE)},\n  ${q(COLUMN2)} text\n);\n`);
    writeFileSync(path.join(mig, USER), `select * from public.${q(TABLE)};\n`);
    writeFileSync(path.join(mig, BAD), `select * from public."nope\x1b]0;pwned\x07\u202e\nx";\n`);
    c = new LspClient();
    await c.initialize(root);
  });
  after(async () => {
    await c.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('hover over a hostile table: no control character, no link but the one to its file, no HTML, one table cell per column', async () => {
    const h = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(path.join(mig, USER)) }, position: { line: 0, character: 24 } })) as Hover | null;
    assert.ok(h, 'a hover');
    const md = (h.contents as { value: string }).value;
    assert.equal(rawControl(md), undefined, `a raw control character in the hover: ${rawControl(md)}`);
    const renderer = new MarkdownIt({ html: true, linkify: true });
    renderer.validateLink = () => true; // every link counts (markdown-it drops file: and others by default)
    const html = renderer.render(md);
    const links = [...html.matchAll(/<a\b[^>]*href="([^"]*)"/g)].map((m) => m[1]);
    assert.equal(links.length, 1, `one link, to the file that creates the table: ${links.join(' | ')}\n${md}`);
    assert.equal(decodeURIComponent(links[0].replace(/&amp;/g, '&')), `${decodeURIComponent(uri(path.join(mig, CREATOR)))}#L2`);
    assert.doesNotMatch(html, /<img|<b>/, 'no HTML from names');
    assert.doesNotMatch(html, /<em>|<strong>em/, 'no emphasis from names');
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[dh]\b/g)].length);
    assert.deepEqual(rows, [4, 4, 4, 4], 'the column table: a header and three rows of four cells');
    const text = textOf(html);
    assert.ok(text.includes(TABLE.replace('\x1b', '\\x1b').replace('\x07', '\\x07').replace('\u202e', '\\u202e')), `the table name as written:\n${text}`);
    assert.ok(text.includes(COLUMN.replace('\x1b', '\\x1b')), `the column name as written:\n${text}`);
    assert.ok(text.includes(COLUMN2), `the other column name as written:\n${text}`);
    assert.ok(text.includes(`public.${TYPE}`), `the type as written:\n${text}`);
    assert.ok(text.includes(`Created in ${CREATOR} (line 2)`), `the file name as written:\n${text}`);
  });

  it('diagnostics: a hostile identifier in a message is escaped', async () => {
    const u = uri(path.join(mig, BAD));
    await c.waitFor(() => (c.diagnostics.get(u) ?? []).length > 0, 'diagnostics of the hostile file');
    const d = c.diagnostics.get(u)!;
    assert.deepEqual(c.codes(u), ['unknown-reference']);
    for (const x of d) assert.equal(rawControl(x.message), undefined, `a raw control character in a diagnostic: ${rawControl(x.message)}`);
    assert.match(d[0].message, /"nope\\x1b\]0;pwned\\x07\\u202e\\nx"/);
  });
});
