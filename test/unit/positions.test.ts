import assert from 'node:assert/strict';
import { codePointToByte, LineIndex, utf8Length } from '../../server/src/engine/positions';
import { analyzeFiles, positionOf } from '../support/analyze';

describe('positions: UTF-8 bytes ↔ line / UTF-16 characters', () => {
  const text = 'select 1;\n-- é ü 😀 漢字\ncreate table "tëst😀" (id int);\r\nselect 2;\rselect 3;';
  const bytes = Buffer.from(text, 'utf8');
  const li = new LineIndex(bytes);

  it('maps every character boundary both ways', () => {
    for (let i = 0; i <= text.length; i++) {
      const code = text.charCodeAt(i - 1);
      if (code >= 0xd800 && code <= 0xdbff) continue; // inside a surrogate pair
      if (code === 0x0d && text[i] === '\n') continue; // between CR and LF
      const byte = utf8Length(text.slice(0, i));
      const pos = li.position(byte);
      const prefix = text.slice(0, i);
      const lines = prefix.split(/\r\n|\r|\n/);
      assert.deepEqual(pos, { line: lines.length - 1, character: lines[lines.length - 1].length }, `at char ${i}`);
      assert.equal(li.offset(pos), byte, `round trip at char ${i}`);
    }
  });

  it('answers the same from the text of an ASCII file as from its bytes (it keeps the text then)', () => {
    const ascii = 'select 1;\r\ncreate table t (id int);\rselect 2;\n\nselect 3;';
    const b = Buffer.from(ascii, 'utf8');
    const fromBytes = new LineIndex(b);
    const fromText = new LineIndex(b, ascii);
    assert.equal(fromText.byteLength, fromBytes.byteLength);
    for (let i = 0; i <= ascii.length; i++) {
      assert.deepEqual(fromText.position(i), fromBytes.position(i), `at ${i}`);
      assert.equal(fromText.offset(fromBytes.position(i)), i);
    }
    for (let l = -1; l <= fromBytes.lineCount; l++) assert.equal(fromText.lineText(l), fromBytes.lineText(l), `line ${l}`);
    // non-ASCII text: the bytes are kept and used
    assert.equal(new LineIndex(bytes, text).lineText(1), '-- é ü 😀 漢字');
  });

  it('counts astral characters as two UTF-16 units', () => {
    const line1 = '-- é ü 😀 漢字';
    assert.equal(li.position(utf8Length('select 1;\n' + line1)).character, line1.length);
    assert.equal(line1.length, 12);
  });

  it('treats CRLF and lone CR as line breaks', () => {
    assert.equal(li.lineCount, 5);
    assert.equal(li.lineText(2), 'create table "tëst😀" (id int);');
    assert.equal(li.lineText(3), 'select 2;');
  });

  it('converts Postgres code-point cursors to bytes', () => {
    assert.equal(codePointToByte('é😀x', 0), 0);
    assert.equal(codePointToByte('é😀x', 1), 2);
    assert.equal(codePointToByte('é😀x', 2), 6);
    assert.equal(codePointToByte('é😀x', 3), 7);
  });

  it('reports findings at UTF-16 positions in files with non-ASCII text', async () => {
    const sql = "-- Größe 😀 prüfen\ncreate table public.profiles (id int);\ncomment on table public.profiles is 'Überblick 😀';\nselect * from public.tëst_😀_missing;\n";
    const a = await analyzeFiles({ '20240101000000_a.sql': sql });
    const f = a.findings.find((x) => x.code === 'unknown-reference');
    assert.ok(f, 'unknown-reference expected');
    const pos = positionOf(sql, 'public.tëst_😀_missing');
    assert.deepEqual(f.range.start, pos);
    assert.deepEqual(f.range.end, { line: pos.line, character: pos.character + 'public.tëst_😀_missing'.length });
  });

  it('reports syntax errors at the right UTF-16 position after non-ASCII text', async () => {
    const sql = "select 'äöü 😀' as x;\nselect 'ß' frm nowhere;\nselect 1;\n";
    const a = await analyzeFiles({ '20240101000000_a.sql': sql });
    const f = a.findings.find((x) => x.code === 'syntax-error');
    assert.ok(f);
    assert.deepEqual(f.range.start, positionOf(sql, 'nowhere'));
  });
});
