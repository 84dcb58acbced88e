/**
 * The real-world precision harness (issue #21): every real migrations folder the tests have
 * (test/corpus/<name>/supabase/migrations) is applied file by file to a real PostgreSQL (each file one
 * transaction that also records the file's version in supabase_migrations.schema_migrations, like the
 * Supabase CLI; files the CLI skips are skipped), with the Supabase platform shim and
 * extension stand-ins (the CREATE EXTENSION of an extension this machine lacks and has no stand-in for is
 * left out, and the failures that follow from it count as platform gaps), and the engine analyses the
 * same folder. Per folder and PostgreSQL version:
 *
 *  - false errors: error findings on files PostgreSQL applied (the engine must be certain before it says
 *    "error", so this must be 0);
 *  - root failures: the first failure of each file PostgreSQL rejects that is not a cascade of an earlier
 *    failed file nor a missing extension of this machine (classified by test/support/pgFailures.ts), with
 *    whether the engine reported an error in that file (recall) and a cause class.
 *
 * Used by scripts/realworld.ts (`npm run realworld`: table, JSON, bench/REALWORLD.md) and by
 * test/unit/realworld.test.ts (asserts no false errors on PostgreSQL 15 beyond KNOWN_FALSE_ERRORS).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeFolder, type Analysis } from '../../server/src/engine/analyze';
import { initParser, loadGrammars } from '../../server/src/engine/parser';
import type { Finding } from '../../server/src/engine/types';
import { readFolder } from '../../server/src/host/workspace';
import { runOnPostgres, type Failure, type PostgresRun } from './pgFailures';
import { findPostgresBinDir, startPostgres, type ApplyResult, type MigrationFile } from './postgres';
import { KNOWN_FALSE_ERRORS, falseErrorKey, type FalseErrorCause } from './realworldKnown';

/** The real corpus committed with the tests. */
export const CORPUS_DIR = path.resolve(__dirname, '../corpus');

/** Where the server binaries of a PostgreSQL major version are (Debian layout). */
export function postgresBinDir(major: number): string {
  return `/usr/lib/postgresql/${major}/bin`;
}

/** The majors (of 15 and 17) whose server binaries this machine has. */
export function availablePostgresMajors(): number[] {
  return [15, 17].filter((v) => findPostgresBinDir(postgresBinDir(v)) !== null);
}

export interface CorpusFolder {
  /** Folder name under the corpus directory, e.g. `grida`. */
  name: string;
  /** The migrations folder. */
  dir: string;
}

/** `<corpus>/<name>/supabase/migrations` folders of each corpus directory, by name (first directory wins). */
export function listCorpusFolders(corpusDirs: string[] = [CORPUS_DIR]): CorpusFolder[] {
  const seen = new Map<string, CorpusFolder>();
  for (const base of corpusDirs) {
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base).sort()) {
      const dir = path.join(base, name, 'supabase', 'migrations');
      if (!seen.has(name) && fs.existsSync(dir) && fs.statSync(dir).isDirectory()) seen.set(name, { name, dir });
    }
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------------
// what one folder gives

/** Cause classes of PostgreSQL root failures (from the SQLSTATE and message). */
export type FailureCause =
  | 'missing relation'
  | 'missing function'
  | 'missing type'
  | 'missing schema'
  | 'extension'
  | 'syntax'
  | 'duplicate'
  | 'transaction rules 25001/55P04'
  | 'enum label 22P02'
  | 'column 42703/42830'
  | 'redefinition 42P13/42P16'
  | 'missing FROM-clause 42P01'
  | 'not immutable 42P17'
  | 'duplicate version 23505'
  | 'other';

export function failureCause(r: ApplyResult): FailureCause {
  const state = r.sqlstate ?? '';
  const msg = r.message ?? '';
  if (/\bextension\b/i.test(msg) && ['0A000', '58P01', '42704', '22023'].includes(state)) return 'extension';
  switch (state) {
    case '42P01':
      // "missing FROM-clause entry for table ..." (OLD/NEW in a policy, a bad alias) is not about a missing object
      return /^missing FROM-clause entry/.test(msg) ? 'missing FROM-clause 42P01' : 'missing relation';
    case '42883':
      return 'missing function';
    case '3F000':
      return 'missing schema';
    case '42704':
      return /^type /.test(msg) ? 'missing type' : 'other';
    case '42601':
      return 'syntax';
    case '42710':
    case '42P07':
    case '42723':
    case '42P06':
    case '42701':
      return 'duplicate';
    case '25001':
    case '55P04':
      return 'transaction rules 25001/55P04';
    case '22P02':
      return /\benum\b/.test(msg) ? 'enum label 22P02' : 'other';
    case '42703':
    case '42830':
      return 'column 42703/42830';
    case '23505':
      // the CLI records each file's version in the file's transaction: a second file with one version fails
      return /schema_migrations/.test(msg + ' ' + (r.detail ?? '')) ? 'duplicate version 23505' : 'other';
    case '42P13':
    case '42P16':
      return 'redefinition 42P13/42P16';
    case '42P17':
      return /IMMUTABLE|not immutable/.test(msg) ? 'not immutable 42P17' : 'other';
    default:
      return 'other';
  }
}

/** An error finding on a file that PostgreSQL applied. */
export interface FalseError {
  folder: string;
  file: string;
  /** 1-based. */
  line: number;
  code: string;
  object?: string;
  message: string;
  /** Its KNOWN_FALSE_ERRORS entry, if it has one. */
  known?: { cause: FalseErrorCause; reason: string };
}

/** The first failure of a file PostgreSQL rejected, when it is the folder's own (not a cascade or a platform gap). */
export interface RootFailure {
  file: string;
  /** 1-based line of PG's error position (estimated when PG gave none), or 0 if unknown. */
  line: number;
  sqlstate: string;
  message: string;
  /** pgFailures' classification: forward / absent / other. */
  kind: Failure['kind'];
  cause: FailureCause;
  /** Whether the engine reported an error in that file. */
  reported: boolean;
  /** The engine's errors in that file (`code line object`), for reading. */
  engineErrors: string[];
}

export interface FolderResult {
  folder: string;
  pgMajor: number;
  /** Migration files (what the CLI applies). */
  files: number;
  applied: number;
  failed: number;
  falseErrors: FalseError[];
  rootFailures: RootFailure[];
  /** Failures caused by an earlier failed file or an extension that could not be installed. */
  cascades: number;
  /** Failures caused by an extension this machine lacks and has no stand-in for (`file: message`). */
  platformGaps: string[];
  /** CREATE EXTENSIONs left out because this machine lacks the extension and has no stand-in (`file: extension`). */
  neutralized: string[];
  /** Error findings on files PostgreSQL rejected. */
  errorsOnFailedFiles: number;
  /** Of those, the ones on files that failed for a platform gap: PostgreSQL could not judge them here. */
  errorsOnPlatformGapFiles: number;
  /**
   * Errors on a file PostgreSQL applied only because an earlier file they depend on failed here: a
   * duplicate-version after a failed file of its version, a finding whose `causeFile` (the migration that
   * made what it is about) failed. Not judged: `db reset` stops at that failure, or, with the extension this
   * machine lacks, the earlier file applies and this one fails as reported.
   */
  errorsAfterFailedDependency: number;
  /** Names of the migration files PostgreSQL applied. */
  appliedFiles: string[];
  /** Error findings on files that are not migrations (e.g. an invalid file name): PostgreSQL never sees them. */
  errorsOnOtherFiles: number;
}

/** A PostgreSQL message on one line (RAISE EXCEPTION texts can span many). */
function oneLine(msg: string): string {
  return msg.replace(/\s*\n\s*/g, ' ').trim();
}

function fileIndexOf(a: Analysis, f: Finding): number {
  return a.migrations.findIndex((m) => m.path === f.file);
}

/** Compares PostgreSQL's results on a folder with the engine's findings on it. */
export function compareFolder(folder: string, pgMajor: number, analysis: Analysis, pg: PostgresRun): FolderResult {
  const { results, failures } = pg;
  const errors = analysis.findings.filter((f) => f.severity === 'error');
  const names = analysis.migrations.map((m) => m.name);
  const out: FolderResult = {
    folder,
    pgMajor,
    files: names.length,
    applied: results.filter((r) => r.status === 'ok').length,
    failed: results.filter((r) => r.status === 'failed').length,
    falseErrors: [],
    rootFailures: [],
    cascades: failures.filter((f) => f.kind === 'cascade').length,
    platformGaps: failures.filter((f) => f.kind === 'platform-gap').map((f) => `${f.file}: ${oneLine(f.result.message ?? '')}`),
    neutralized: pg.neutralized.map((n) => `${names[n.index]}: ${n.extension}`),
    errorsOnFailedFiles: 0,
    errorsOnPlatformGapFiles: 0,
    errorsAfterFailedDependency: 0,
    appliedFiles: names.filter((_, i) => results[i].status === 'ok'),
    errorsOnOtherFiles: 0,
  };
  const gapFiles = new Set(failures.filter((f) => f.kind === 'platform-gap').map((f) => f.index));
  for (const f of errors) {
    const i = fileIndexOf(analysis, f);
    if (i < 0) {
      out.errorsOnOtherFiles++;
      continue;
    }
    if (results[i].status !== 'ok') {
      out.errorsOnFailedFiles++;
      if (gapFiles.has(i)) out.errorsOnPlatformGapFiles++;
      continue;
    }
    const version = /^([0-9]+)_/.exec(names[i])?.[1];
    const cause = f.causeFile === undefined ? -1 : names.indexOf(path.basename(f.causeFile));
    if (
      (f.code === 'duplicate-version' && names.some((n, k) => k < i && n.startsWith(`${version}_`) && results[k].status !== 'ok')) ||
      (cause >= 0 && cause < i && results[cause].status !== 'ok')
    ) {
      out.errorsAfterFailedDependency++;
      continue;
    }
    const fe: FalseError = { folder, file: names[i], line: f.range.start.line + 1, code: f.code, message: f.message };
    if (f.object !== undefined) fe.object = f.object;
    const known = KNOWN_FALSE_ERRORS[falseErrorKey(fe)];
    if (known) fe.known = known;
    out.falseErrors.push(fe);
  }
  for (const fl of failures) {
    if (fl.kind === 'cascade' || fl.kind === 'platform-gap') continue;
    const inFile = errors.filter((f) => fileIndexOf(analysis, f) === fl.index);
    out.rootFailures.push({
      file: fl.file,
      line: fl.line + 1,
      sqlstate: fl.result.sqlstate ?? '',
      message: oneLine(fl.result.message ?? ''),
      kind: fl.kind,
      cause: failureCause(fl.result),
      reported: inFile.length > 0,
      engineErrors: inFile.map((f) => `${f.code} ${f.range.start.line + 1}${f.object ? ' ' + f.object : ''}`),
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// running it

export interface RealworldOptions {
  /** Directories holding `<name>/supabase/migrations` folders. Default: test/corpus. */
  corpusDirs?: string[];
  /** PostgreSQL majors to apply the folders to. Default: those of 15 and 17 this machine has. */
  majors?: number[];
  /** Locate failures PostgreSQL gives no position for (a second replay; only for their line numbers). Default true. */
  locate?: boolean;
  /** Called after each folder. */
  onFolder?: (r: FolderResult) => void;
}

export interface RealworldReport {
  majors: number[];
  folders: FolderResult[];
}

let dbCounter = 0;

/**
 * Analyses each corpus folder once, then applies all of them to one server per PostgreSQL major (a fresh
 * database per folder), with extension stand-ins for the extensions the server lacks.
 */
export async function runRealworld(opts: RealworldOptions = {}): Promise<RealworldReport> {
  const majors = opts.majors ?? availablePostgresMajors();
  const corpus = listCorpusFolders(opts.corpusDirs);
  await initParser();
  const analysed: { folder: CorpusFolder; analysis: Analysis; files: MigrationFile[] }[] = [];
  for (const folder of corpus) {
    // analysed for the folder's own PostgreSQL version (its supabase/config.toml, else the default)
    const input = await readFolder(folder.dir);
    await loadGrammars([input.config?.postgresVersion]);
    const analysis = analyzeFolder(input);
    const files = analysis.migrations.map((m) => ({ name: m.name, text: input.files.get(m.name)?.text ?? '' }));
    analysed.push({ folder, analysis, files });
  }
  const report: RealworldReport = { majors, folders: [] };
  for (const major of majors) {
    const server = await startPostgres({ binDir: postgresBinDir(major) });
    try {
      for (const { folder, analysis, files } of analysed) {
        const db = `rw${major}_${++dbCounter}_${folder.name.replace(/[^a-z0-9]/gi, '_').toLowerCase()}`.slice(0, 60);
        const pg = await runOnPostgres(server, db, files, { standins: true, neutralize: true, locate: opts.locate });
        const r = compareFolder(folder.name, major, analysis, pg);
        report.folders.push(r);
        opts.onFolder?.(r);
      }
    } finally {
      await server.stop();
    }
  }
  return report;
}

/** False errors that are not in KNOWN_FALSE_ERRORS. */
export function unlistedFalseErrors(folders: FolderResult[]): FalseError[] {
  return folders.flatMap((f) => f.falseErrors).filter((e) => !e.known);
}

/**
 * KNOWN_FALSE_ERRORS entries that no longer occur: their folder was run and PostgreSQL applied their file,
 * but the engine no longer reports that error there. (An entry whose folder is absent, or whose file did
 * not apply on this machine, e.g. for a missing extension, is not judged.)
 */
export function staleKnownFalseErrors(folders: FolderResult[]): string[] {
  const applied = new Set(folders.flatMap((f) => f.appliedFiles.map((file) => `${f.folder}/${file}`)));
  const seen = new Set(folders.flatMap((f) => f.falseErrors.map(falseErrorKey)));
  return Object.keys(KNOWN_FALSE_ERRORS).filter((k) => applied.has(k.slice(0, k.indexOf('|'))) && !seen.has(k));
}

// ---------------------------------------------------------------------------------------------------
// summaries

export interface Totals {
  folders: number;
  files: number;
  applied: number;
  falseErrors: number;
  /** Folders with at least one false error. */
  foldersWithFalseErrors: number;
  /** Folders PostgreSQL applies fully. */
  cleanFolders: number;
  /** Of those, the ones where the engine still reports an error. */
  cleanFoldersWithErrors: number;
  rootFailures: number;
  reported: number;
  /** Error findings on files that failed here for a platform gap (not judged). */
  errorsOnPlatformGapFiles: number;
  /** Errors that depend on an earlier file that failed here (not judged: see the per-folder field). */
  errorsAfterFailedDependency: number;
  byCause: { cause: FailureCause; total: number; reported: number }[];
  falseErrorsByCause: { cause: string; count: number }[];
}

export function totalsOf(folders: FolderResult[]): Totals {
  const roots = folders.flatMap((f) => f.rootFailures);
  const causes = new Map<FailureCause, { total: number; reported: number }>();
  for (const r of roots) {
    const c = causes.get(r.cause) ?? { total: 0, reported: 0 };
    c.total++;
    if (r.reported) c.reported++;
    causes.set(r.cause, c);
  }
  const fe = new Map<string, number>();
  for (const e of folders.flatMap((f) => f.falseErrors)) fe.set(e.known?.cause ?? 'unreviewed', (fe.get(e.known?.cause ?? 'unreviewed') ?? 0) + 1);
  const clean = folders.filter((f) => f.failed === 0);
  return {
    folders: folders.length,
    files: folders.reduce((n, f) => n + f.files, 0),
    applied: folders.reduce((n, f) => n + f.applied, 0),
    falseErrors: folders.reduce((n, f) => n + f.falseErrors.length, 0),
    foldersWithFalseErrors: folders.filter((f) => f.falseErrors.length > 0).length,
    cleanFolders: clean.length,
    cleanFoldersWithErrors: clean.filter((f) => f.falseErrors.length > 0 || f.errorsOnOtherFiles > 0).length,
    rootFailures: roots.length,
    reported: roots.filter((r) => r.reported).length,
    errorsOnPlatformGapFiles: folders.reduce((n, f) => n + f.errorsOnPlatformGapFiles, 0),
    errorsAfterFailedDependency: folders.reduce((n, f) => n + f.errorsAfterFailedDependency, 0),
    byCause: [...causes].map(([cause, c]) => ({ cause, ...c })).sort((a, b) => b.total - a.total || a.cause.localeCompare(b.cause)),
    falseErrorsByCause: [...fe].map(([cause, count]) => ({ cause, count })).sort((a, b) => b.count - a.count || a.cause.localeCompare(b.cause)),
  };
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

/** One line per folder (the console table). */
export function folderLine(r: FolderResult): string {
  const reported = r.rootFailures.filter((x) => x.reported).length;
  return (
    `${r.folder.padEnd(30)} PG${r.pgMajor} files ${String(r.files).padStart(3)} applied ${String(r.applied).padStart(3)}` +
    ` | false errors ${String(r.falseErrors.length).padStart(3)}` +
    ` | root failures ${String(r.rootFailures.length).padStart(2)} reported ${String(reported).padStart(2)}` +
    ` | cascades ${String(r.cascades).padStart(2)} | platform gaps ${r.platformGaps.length}` +
    (r.errorsOnPlatformGapFiles ? ` (${r.errorsOnPlatformGapFiles} errors there)` : '')
  );
}

/** The folder's false errors and root failures, one per line. */
export function folderDetails(r: FolderResult): string[] {
  const out: string[] = [];
  for (const e of r.falseErrors)
    out.push(`    false error ${e.file}:${e.line} ${e.code} ${e.object ?? ''} [${e.known ? e.known.cause : 'NOT IN KNOWN_FALSE_ERRORS'}] ${e.message}`);
  for (const f of r.rootFailures)
    out.push(
      `    root failure ${f.file}:${f.line || '?'} ${f.sqlstate} (${f.kind}, ${f.cause}) ${f.reported ? 'reported' : 'MISSED'}: ${f.message}` +
        (f.engineErrors.length ? ` | engine: ${f.engineErrors.join('; ')}` : ''),
    );
  for (const g of r.platformGaps) out.push(`    platform gap ${g}`);
  for (const n of r.neutralized) out.push(`    left out CREATE EXTENSION ${n}`);
  return out;
}

export function totalsLines(t: Totals, major: number): string[] {
  return [
    `PG${major} totals: ${t.folders} folders, ${t.files} files, ${t.applied} applied`,
    `  precision: ${t.falseErrors} false errors (error findings on files PG applied) in ${t.foldersWithFalseErrors} folders;` +
      ` ${t.cleanFoldersWithErrors} of the ${t.cleanFolders} folders PG applies fully still get an error`,
    `  recall: ${t.reported} of ${t.rootFailures} root failures reported (${pct(t.reported, t.rootFailures)})`,
    ...t.byCause.map((c) => `    ${c.cause.padEnd(26)} ${String(c.reported).padStart(3)} / ${String(c.total).padStart(3)} reported`),
    `  false errors by cause: ${t.falseErrorsByCause.map((c) => `${c.cause} ${c.count}`).join(', ') || '-'}`,
    `  not judged: ${t.errorsOnPlatformGapFiles} error findings on files that fail here for an extension this machine lacks; ${t.errorsAfterFailedDependency} errors that depend on an earlier file that failed here`,
  ];
}

/** bench/REALWORLD.md */
export function markdownSummary(report: RealworldReport): string {
  const md: string[] = [
    '# Real-world precision harness',
    '',
    'Generated by `npm run realworld` (scripts/realworld.ts; shared code in test/support/realworld.ts). Every real',
    'migrations folder under `test/corpus` is applied file by file (one transaction per file that also records the version in supabase_migrations.schema_migrations, like the Supabase CLI)',
    'to a real PostgreSQL with the Supabase platform shim and extension stand-ins, and the engine analyses the same',
    'folder. A *false error* is an error finding on a file PostgreSQL applied (must be 0; the reviewed ones are in',
    '`test/support/realworldKnown.ts`); a *root failure* is the first failure of a file PostgreSQL rejects that is',
    'neither a cascade of an earlier failed file nor an extension this machine lacks; *reported* means the engine',
    'has an error in that file.',
    '',
  ];
  for (const major of report.majors) {
    const folders = report.folders.filter((f) => f.pgMajor === major);
    const t = totalsOf(folders);
    md.push(`## PostgreSQL ${major}`, '');
    md.push(
      `- folders ${t.folders}, migration files ${t.files}, applied by PostgreSQL ${t.applied}`,
      `- **precision**: ${t.falseErrors} false errors in ${t.foldersWithFalseErrors} folders; ${t.cleanFoldersWithErrors} of the ${t.cleanFolders} folders PostgreSQL applies fully still get an error`,
      `- **recall**: ${t.reported} of ${t.rootFailures} root failures reported (${pct(t.reported, t.rootFailures)}); **not predicted**: ${t.rootFailures - t.reported} (the root failures where \`check\` has no error, which \`verify\` reports as \`not-predicted\`; listed below)`,
      `- not judged: ${t.errorsOnPlatformGapFiles} error findings on files that fail here for an extension this machine lacks (no stand-in); ${t.errorsAfterFailedDependency} errors on files applied here only because an earlier file they depend on failed (a file of the same version, the file that made the object; \`db reset\` stops at that failure)`,
      '',
      '| folder | files | applied | false errors | root failures | reported | cascades | platform gaps | errors not judged |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    );
    for (const f of folders)
      md.push(
        `| ${f.folder} | ${f.files} | ${f.applied} | ${f.falseErrors.length} | ${f.rootFailures.length} | ${f.rootFailures.filter((x) => x.reported).length} | ${f.cascades} | ${f.platformGaps.length} | ${f.errorsOnPlatformGapFiles} |`,
      );
    md.push('', '### False errors by cause', '', '| cause | count |', '|---|---:|');
    for (const c of t.falseErrorsByCause) md.push(`| ${c.cause} | ${c.count} |`);
    md.push('', '### Root failures by cause', '', '| cause | total | reported |', '|---|---:|---:|');
    for (const c of t.byCause) md.push(`| ${c.cause} | ${c.total} | ${c.reported} |`);
    const missed = folders.flatMap((f) => f.rootFailures.filter((r) => !r.reported).map((r) => ({ folder: f.folder, ...r })));
    if (missed.length) {
      md.push('', '### Root failures the engine misses (not predicted)', '', '| folder | file:line | SQLSTATE | cause | message |', '|---|---|---|---|---|');
      for (const m of missed) md.push(`| ${m.folder} | ${m.file}:${m.line || '?'} | ${m.sqlstate} | ${m.cause} | ${m.message.replace(/\|/g, '\\|')} |`);
    }
    md.push('');
  }
  return md.join('\n');
}
