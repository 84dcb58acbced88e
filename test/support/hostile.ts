/**
 * Hostile migrations: file names and SQL (quoted identifiers, comments) holding terminal control sequences,
 * line breaks that would start a CI workflow command, bidi overrides, Markdown that would make links, and
 * very long lines. For the tests of what the CLI and the language server print (output-injection tests).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Characters no output may hold raw (C0 but LF, DEL, C1, line/paragraph separators, bidi controls). */
export const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** The first raw control character of `s` and what surrounds it, or undefined. */
export function rawControl(s: string): string | undefined {
  const m = RAW_CONTROL.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${m.index}: ${JSON.stringify(s.slice(Math.max(0, m.index - 60), m.index + 20))}` : undefined;
}

const LONG = 5000;

/** File name → content. Each file with a finding; names and identifiers carry the payloads. */
export const HOSTILE_FILES: Record<string, string> = {
  '20240101000000_a.sql': [
    `create table public."a\x1b]0;pwned\x07b" (id int primary key, "c\u202eloc" int);`,
    `select * from public."x\n::error file=a.sql::pwned";`,
    `select * from nothing_here; /* \x1b]0;title\x07 \x1b[2J\x1b[H cleared ##[error]pwned \u009b31m \u202eTXET \r::error::overwritten */`,
    `select * from public."del\x7f nel\u0085 csi\u009b2J rlo\u202e lri\u2066 ls\u2028 cr\r::error::x";`,
    `select * from missing_start /* ${'x'.repeat(LONG)} */;`,
    `select ${'1, '.repeat(LONG / 3)}1 from missing_end;`,
    `/* ${'y'.repeat(LONG / 2)} \t\x1b\x07\t */ select * from missing_mid /* ${'z'.repeat(LONG / 2)} */;`,
    `/* ${'w'.repeat(LONG / 2)} */ select * from "missing\x1b[2Jesc"; /* ${'\x1b'.repeat(LONG / 2)} */`,
  ].join('\n') + '\n',
  '20240101000001_b\x1b[31mred\x07.sql': 'select * from nope_b;\n',
  '20240101000002_c\r\n::error file=c.sql::pwned.sql': 'select * from nope_c;\n',
  '20240101000003_a,b%25c::d.sql': 'select * from nope_d;\n',
  '20240101000004_e\u202egnp.sql': 'select * from nope_e;\n',
  '20240101000005_f\u009b2J ##[error]x.sql': 'select * from nope_f;\n',
  '20240101000006_g.sql': 'drop table public."a\x1b]0;pwned\x07b";\nselect * from public."a\x1b]0;pwned\x07b";\n',
  '20240101000007_h\x1b]0;x\x07.sql': 'select * from public.later_t;\n',
  '20240101000008_later.sql': 'create table public.later_t (id int primary key);\n',
  '::error file=x.sql,line=1::pwned.sql': 'select 1;\n',
  '##[warning]skipped\x1b[2J.sql': 'select 1;\n',
};

/** The table names the long lines' findings underline (a code frame's caret must sit under them). */
export const LONG_LINE_TARGETS = ['missing_start', 'missing_end', 'missing_mid', '"missing\\x1b[2Jesc"'];

/** A project folder (temp) with the hostile files in supabase/migrations. */
export function hostileProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'sbm-hostile-'));
  const mig = path.join(root, 'supabase', 'migrations');
  mkdirSync(mig, { recursive: true });
  for (const [name, text] of Object.entries(HOSTILE_FILES)) writeFileSync(path.join(mig, name), text);
  return root;
}
