/**
 * supabase-migrations — the CLI face of the engine.
 *   check [dir]   analyse a migrations folder (text | json | sarif | github)
 *   graph [dir]   dependency graph (json | dot | mermaid | text)
 *   verify [dir]  apply the folder in an embedded Postgres (PGlite, in a child process)
 *   lsp           run the language server over stdio (started by the entry point, ../bin.ts)
 * Exit codes: 0 clean (warnings allowed), 1 errors found, 2 usage or I/O error.
 */
import { constants as fsConstants, promises as fsp, readFileSync } from 'node:fs';
import path from 'node:path';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Analysis, checkFolder } from '../engine/analyze';
import { DependencyGraph, graphToDot, graphToMermaid, graphToText } from '../engine/graph';
import { DEFAULT_POSTGRES_VERSION, initParser } from '../engine/parser';
import { LineIndex } from '../engine/positions';
import { formatGithub } from './reporters/github';
import { formatJson } from './reporters/json';
import { countBySeverity, ReportInput } from './reporters/report';
import { formatSarif } from './reporters/sarif';
import { formatText } from './reporters/text';
import type { Baseline } from '../engine/baseline';
import { readAppliedList } from '../host/appliedList';
import { loadConfig } from '../host/config';
import { GitError, readBaseline } from '../host/git';
import { choosePostgresVersion, type PostgresVersionChoice } from '../host/supabaseConfig';
import { openFolder, readMigrationFileSync, resolveMigrationsFolder, UsageError } from '../host/workspace';
import { logLine, printable, printableJson } from '../printable';
import { PARSER_BASELINE_MAX_BYTES, wasmTierFor } from '../wasmTier';

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

const HELP = `supabase-migrations ${VERSION}
Understands a whole supabase/migrations folder: forward references, unknown and dropped objects,
missing foreign keys, duplicate objects and versions, files the Supabase CLI skips.

Usage:
  supabase-migrations check [dir] [--format text|json|sarif|github] [--config file] [--no-color]
                     [--max-file-size MiB]   files larger than this (default 5) are not analysed
                     [--pg-version N]        the project's PostgreSQL major version, whose grammar
                                             migrations are parsed with (default: [db] major_version of
                                             supabase/config.toml, else 17, Supabase's default)
                     [--base <ref>|auto]     compare with what the base branch already has: migrations
                                             new on this branch that sort before its newest
                                             (out-of-order: \`db push\` refuses them), and its migrations
                                             edited, removed or renamed since the branch forked
                                             from it (their merge-base). auto: the default branch,
                                             origin/HEAD, else origin/main, origin/master, main,
                                             master. Needs git and the base's history (CI:
                                             fetch-depth: 0). See docs/team-workflow.md
                     [--applied <file>]      compare with the versions a database applied: the output
                                             of \`supabase migration list\` or one version per line
                                             (out-of-order, removed-applied; contents are unknown)
                     [--fix]                 with --base or --applied: re-stamp the out-of-order
                                             migrations after the base's newest (renames that keep
                                             their order and dependencies; never over an existing
                                             file), then check again and report
  supabase-migrations graph [dir] [--format json|dot|mermaid|text]
  supabase-migrations verify [dir] [--format text|json|sarif|github] [--stop-at-first-error] [--no-cache]
                     [--no-checkpoints] [--no-advisors] [--config file]
                     [--statement-timeout seconds] [--memory-limit MB]
                     apply every migration, in order, to a fresh embedded Postgres (PGlite, no Docker)
                     with the Supabase platform shim; report each failure at its place; then run the
                     schema advisors (RLS, policies, security definer, indexes, primary keys, auth.users)
                     on the resulting schema, on by default (--no-advisors skips them). A re-run starts
                     from a cached checkpoint of the longest unchanged prefix of the folder
                     (--no-checkpoints applies everything; the results are the same). A statement
                     running longer than --statement-timeout (default 30) or taking the embedded
                     Postgres past --memory-limit (default 1536) is stopped and fails its migration
                     (0: no limit; also "verify": { "statementTimeout", "memoryLimit" } in the config);
                     COPY ... PROGRAM is refused
  supabase-migrations verify --serve [--idle-timeout seconds]
                     the editor's warm verify service: JSON requests over the Node IPC channel of a
                     parent process; ends after --idle-timeout (default 180; 0: never) seconds
                     without one, when the parent goes away, or on a signal (killing its worker)
  supabase-migrations lsp            language server over stdio (any LSP editor)
  supabase-migrations --version | --help

[dir] is a project folder (containing supabase/migrations), a supabase folder, or a migrations
folder; default: the current directory.
Exit codes: 0 no errors, 1 errors found (verify: any migration failed, or a finding the config made an
error), 2 usage or I/O error.

Environment:
  NO_COLOR                            no colours in text output
  SUPABASE_MIGRATIONS_CACHE_DIR       verify's cache folder (snapshot, checkpoints)
  SUPABASE_MIGRATIONS_CHECKPOINT_MB   cap of verify's checkpoints on disk (default 512)
  SUPABASE_MIGRATIONS_WASM_TIER       baseline | optimizing: how V8 compiles the parser and verify's
                                      Postgres (default: baseline code up to 4 MiB of SQL, 1 MiB for verify)
`;

interface Args {
  command: string;
  dir: string;
  format?: string;
  config?: string;
  /** --max-file-size, in bytes. */
  maxFileBytes?: number;
  /** --pg-version: the project's PostgreSQL major version (overrides the config files). */
  pgVersion?: number;
  /** check --base: a git ref, or `auto` (host/git.ts). */
  base?: string;
  /** check --applied: a file of applied versions (host/appliedList.ts). */
  applied?: string;
  /** check --fix: apply the out-of-order re-stamps. */
  fix?: boolean;
  color: boolean;
  progress: boolean;
  // verify
  stopAtFirstError?: boolean;
  noCache?: boolean;
  noCheckpoints?: boolean;
  noAdvisors?: boolean;
  serve?: boolean;
  idleTimeoutS?: number;
  statementTimeoutS?: number;
  memoryLimitMb?: number;
}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  const args: Args = { command: '', dir: '.', color: !!process.stdout.isTTY && !process.env.NO_COLOR, progress: !!process.stderr.isTTY };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq >= 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') args.command = 'help';
    else if (a === '--version' || a === '-v') args.command = 'version';
    else if (a === '--format' || a.startsWith('--format=') || a === '-f') args.format = value('--format');
    else if (a === '--config' || a.startsWith('--config=')) args.config = value('--config');
    else if (a === '--max-file-size' || a.startsWith('--max-file-size=')) {
      const v = Number(value('--max-file-size'));
      if (!Number.isFinite(v) || v <= 0) throw new UsageError('--max-file-size needs a size in MiB (a number above 0)');
      args.maxFileBytes = Math.round(v * 1024 * 1024);
    }
    else if (a === '--pg-version' || a.startsWith('--pg-version=')) {
      const v = value('--pg-version');
      if (!/^[0-9]+$/.test(v) || Number(v) < 13 || Number(v) > 99) throw new UsageError('--pg-version needs a PostgreSQL major version (13, 14, 15, 17, ...)');
      args.pgVersion = Number(v);
    } else if (a === '--base' || a.startsWith('--base=')) {
      const v = value('--base');
      if (!v || v.startsWith('-')) throw new UsageError('--base needs a git ref (origin/main, a tag, a commit) or auto');
      args.base = v;
    } else if (a === '--applied' || a.startsWith('--applied=')) args.applied = value('--applied');
    else if (a === '--fix') args.fix = true;
    else if (a === '--no-color') args.color = false;
    else if (a === '--color') args.color = true;
    else if (a === '--no-progress') args.progress = false;
    else if (a === '--stop-at-first-error') args.stopAtFirstError = true; // verify
    else if (a === '--no-cache') args.noCache = true; // verify
    else if (a === '--no-checkpoints') args.noCheckpoints = true; // verify
    else if (a === '--no-advisors') args.noAdvisors = true; // verify
    else if (a === '--serve') args.serve = true; // verify: the editor's warm verify service (serve.ts)
    else if (a === '--idle-timeout' || a.startsWith('--idle-timeout=')) {
      const v = Number(value('--idle-timeout'));
      if (!Number.isFinite(v) || v < 0) throw new UsageError('--idle-timeout needs a number of seconds');
      args.idleTimeoutS = v;
    } else if (a === '--statement-timeout' || a.startsWith('--statement-timeout=')) {
      const raw = value('--statement-timeout');
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(v) || v < 0) throw new UsageError('--statement-timeout needs a number of seconds (0: no limit)');
      args.statementTimeoutS = v; // verify
    } else if (a === '--memory-limit' || a.startsWith('--memory-limit=')) {
      const raw = value('--memory-limit');
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(v) || v < 0) throw new UsageError('--memory-limit needs a number of MB (0: no limit)');
      args.memoryLimitMb = v; // verify
    }
    else if (a === '--stdio' || a.startsWith('--node-ipc') || a.startsWith('--clientProcessId')) continue;
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else positional.push(a);
  }
  if (!args.command) args.command = positional.shift() ?? 'help';
  if (positional.length > 1) throw new UsageError(`too many arguments: ${positional.join(' ')}`);
  if (positional[0]) args.dir = positional[0];
  if ((args.base !== undefined || args.applied !== undefined || args.fix) && args.command !== 'check') throw new UsageError('--base, --applied and --fix are options of check');
  if (args.base !== undefined && args.applied !== undefined) throw new UsageError('--base and --applied cannot be used together (compare with a branch or with an applied list)');
  if (args.fix && args.base === undefined && args.applied === undefined) throw new UsageError('--fix re-stamps out-of-order migrations: it needs --base <ref> or --applied <file>');
  return args;
}

async function analyze(args: Args): Promise<{ analysis: Analysis; postgres: PostgresVersionChoice }> {
  const { folder, root } = await resolveMigrationsFolder(args.dir);
  const { config, path: configPath } = await loadConfig(root, args.config);
  if (args.maxFileBytes !== undefined) config.maxFileBytes = args.maxFileBytes;
  const explicit =
    args.pgVersion !== undefined
      ? { version: args.pgVersion, source: '--pg-version' }
      : config.postgresVersion !== undefined && configPath
        ? { version: config.postgresVersion, source: configPath }
        : undefined;
  const postgres = await choosePostgresVersion(folder, explicit, DEFAULT_POSTGRES_VERSION);
  config.postgresVersion = postgres.version;
  if (args.base !== undefined) config.baseline = await gitBaseline(folder, args.base);
  else if (args.applied !== undefined) config.baseline = await readAppliedList(args.applied);
  // streamed: each file is read, analysed and pruned in turn (a large folder's SQL is never in memory at once)
  const input = await openFolder(folder, config);
  await initParser({ tier: wasmTierFor(input.sqlBytes, PARSER_BASELINE_MAX_BYTES), versions: [postgres.version] });
  const total = input.entries.length;
  const showProgress = args.progress && total >= 50;
  let last = 0;
  const collect = heapKeeper();
  const analysis = checkFolder(input, (done, n) => {
    collect(done);
    if (!showProgress) return;
    const now = Date.now();
    if (now - last < 80 && done + 1 < n) return;
    last = now;
    process.stderr.write(`\r\u001b[2KAnalysing migrations ${done + 1}/${n}`);
  });
  if (showProgress) process.stderr.write('\r\u001b[2K');
  return { analysis, postgres };
}

/** `--base`: what the base has (host/git.ts); a git failure is a usage error of one line. */
async function gitBaseline(folder: string, spec: string): Promise<Baseline> {
  try {
    const { baseline } = await readBaseline(folder, spec, (name) => {
      try {
        return readFileSync(path.join(folder, name));
      } catch {
        return undefined;
      }
    });
    return baseline;
  } catch (e) {
    if (e instanceof GitError) throw new UsageError(`--base ${spec}: ${e.message}`);
    throw e;
  }
}

/**
 * Peak memory of a streamed check: V8 lets the heap grow to about twice what was live at its last full
 * collection before it collects again, and a check of a large folder ends before it does. Every 64 files,
 * a full collection once the heap has grown by half since the last one bounds the peak to about 1.5 times
 * what is live (a few collections in all: the live set grows slowly). Needs V8's `gc`, exposed on demand.
 */
function heapKeeper(): (done: number) => void {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    return () => undefined;
  }
  let limit = 64 * 1048576;
  return (done) => {
    if (done % 64 !== 0 || getHeapStatistics().used_heap_size < limit) return;
    gc!();
    limit = Math.max(64 * 1048576, getHeapStatistics().used_heap_size * 1.5);
  };
}

/**
 * Source lines for the text report: a streamed check keeps no file's text, so the files with findings are
 * read again (once each). A file that can no longer be read shows no source line.
 */
function sourceLines(maxFileBytes?: number): (file: string, line: number) => string {
  const files = new Map<string, LineIndex | undefined>();
  return (file, line) => {
    if (!files.has(file)) {
      let index: LineIndex | undefined;
      const content = readMigrationFileSync(file, maxFileBytes);
      if (content && !content.unread) index = new LineIndex(Buffer.from(content.text, 'utf8'), content.text);
      files.set(file, index);
    }
    return files.get(file)?.lineText(line) ?? '';
  };
}

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

/**
 * Runs one command; resolves to its exit code (-1: it keeps running). `startLanguageServer`: the `lsp` command,
 * given by the entry point (../bin.ts), so that this front end does not import the other one.
 */
export async function main(argv: string[], startLanguageServer: () => void | Promise<void>): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`supabase-migrations: ${printable((e as Error).message)}\n\n${HELP}`);
    return 2;
  }
  try {
    switch (args.command) {
      case 'help':
        process.stdout.write(HELP);
        return 0;
      case 'version':
        process.stdout.write(VERSION + '\n');
        return 0;
      case 'check':
        return await check(args);
      case 'graph':
        return await graph(args);
      case 'verify':
        return await verify(args);
      case 'lsp':
        await startLanguageServer();
        return -1; // keeps running
      default:
        throw new UsageError(`unknown command "${args.command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`supabase-migrations: ${printable(e.message)}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err && typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) {
      process.stderr.write(`supabase-migrations: ${printable(err.message)}\n`);
      return 2;
    }
    // a stack trace keeps its lines, each made printable
    const trace = String(err?.stack ?? err).split('\n').map((l) => logLine(printable(l))).join('\n');
    process.stderr.write(`supabase-migrations: internal error: ${trace}\n`);
    return 2;
  }
}

async function check(args: Args): Promise<number> {
  const format = args.format ?? 'text';
  if (!['text', 'json', 'sarif', 'github'].includes(format)) throw new UsageError(`unknown format "${format}" (text, json, sarif, github)`);
  let { analysis, postgres } = await analyze(args);
  if (args.fix) {
    const renames = await applyRestamps(analysis);
    if (renames) ({ analysis, postgres } = await analyze({ ...args, fix: false }));
  }
  const input: ReportInput = { analyses: [analysis], displayPath, color: args.color, toolVersion: VERSION, postgres };
  let out: string;
  if (format === 'json') out = formatJson(input);
  else if (format === 'sarif') out = formatSarif(input);
  else if (format === 'github') out = formatGithub(input);
  else out = formatText(input, sourceLines(analysis.config.maxFileBytes));
  await write(out);
  return countBySeverity(input).errors > 0 ? 1 : 0;
}

/**
 * `check --fix`: the out-of-order findings' re-stamp (one list, the same on each: `Finding.renames`), each
 * rename made without ever replacing a file (a hard link that fails when the name exists, then the old name
 * removed; a copy that refuses an existing name where links are not supported). Says each rename on stderr;
 * returns how many it made.
 */
async function applyRestamps(analysis: Analysis): Promise<number> {
  const plan = analysis.findings.find((f) => f.code === 'out-of-order' && f.renames)?.renames ?? [];
  const unfixable = analysis.findings.filter((f) => f.code === 'out-of-order' && !f.renames).length;
  let done = 0;
  for (const r of plan) {
    await renameWithoutOverwrite(r.from, r.to);
    process.stderr.write(`supabase-migrations: renamed ${printable(displayPath(r.from))} → ${printable(path.basename(r.to))}\n`);
    done++;
  }
  if (unfixable) process.stderr.write(`supabase-migrations: ${unfixable} out-of-order migration${unfixable === 1 ? '' : 's'} not re-stamped (see the finding${unfixable === 1 ? '' : 's'})\n`);
  else if (!plan.length) process.stderr.write('supabase-migrations: no out-of-order migrations to re-stamp\n');
  return done;
}

async function renameWithoutOverwrite(from: string, to: string): Promise<void> {
  try {
    await fsp.link(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new UsageError(`--fix: ${to} already exists; nothing was overwritten`);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK' && code !== 'ENOSYS') throw e;
    try {
      await fsp.copyFile(from, to, fsConstants.COPYFILE_EXCL);
    } catch (c) {
      if ((c as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`--fix: ${to} already exists; nothing was overwritten`);
      throw c;
    }
  }
  await fsp.unlink(from);
}

async function graph(args: Args): Promise<number> {
  const format = args.format ?? 'json';
  if (!['json', 'dot', 'mermaid', 'text'].includes(format)) throw new UsageError(`unknown format "${format}" (json, dot, mermaid, text)`);
  const { analysis } = await analyze(args);
  const g = analysis.graph;
  let out: string;
  const lines = (rendered: string) => rendered.split('\n').map(logLine).join('\n') + '\n';
  if (format === 'dot') out = lines(graphToDot(printableGraph(g)));
  else if (format === 'mermaid') out = lines(graphToMermaid(printableGraph(g)));
  else if (format === 'text') out = lines(graphToText(printableGraph(g)));
  else
    out =
      printableJson(JSON.stringify(
        {
          nodes: g.nodes.map((n) => ({ id: n.index, file: displayPath(n.file), name: n.name, version: n.version })),
          edges: g.edges.map((e) => ({ from: e.from, to: e.to, fromFile: g.nodes[e.from].name, toFile: g.nodes[e.to].name, objects: e.objects, forward: e.forward })),
        },
        null,
        2,
      )) + '\n';
  await write(out);
  return 0;
}

/** The graph with its file and object names made printable (the text, dot and mermaid renderings print them as they are; each line then goes through `logLine`). */
function printableGraph(g: DependencyGraph): DependencyGraph {
  return { ...g, nodes: g.nodes.map((n) => ({ ...n, name: printable(n.name) })), edges: g.edges.map((e) => ({ ...e, objects: e.objects.map(printable) })) };
}

// --- verify (embedded Postgres; the worker process is spawned by ../verify/run) ---------------------
async function verify(args: Args): Promise<number> {
  if (args.serve) {
    const { serveVerify } = await import('./serve');
    serveVerify({ version: VERSION, idleTimeoutMs: args.idleTimeoutS === undefined ? undefined : args.idleTimeoutS * 1000 });
    return -1; // keeps running until idle or disconnected
  }
  const { verifyCommand } = await import('./verify');
  const { code, output } = await verifyCommand(
    { dir: args.dir, format: args.format, config: args.config, color: args.color, stopAtFirstError: args.stopAtFirstError, noCache: args.noCache, noCheckpoints: args.noCheckpoints, noAdvisors: args.noAdvisors, statementTimeoutS: args.statementTimeoutS, memoryLimitMb: args.memoryLimitMb },
    {
      version: VERSION,
      cwd: process.cwd(),
      onProgress: args.progress ? (done, n) => process.stderr.write(`\r\u001b[2KApplying migrations ${done + 1}/${n}`) : undefined,
    },
  );
  if (args.progress) process.stderr.write('\r\u001b[2K');
  await write(output);
  return code;
}
// --- end verify ---------------------------------------------------------------------------------------

function write(s: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(s)) resolve();
    else process.stdout.once('drain', () => resolve());
  });
}
