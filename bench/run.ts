/**
 * `npm run bench [-- --quick] [-- --only=engine,peers,parsers]`: see bench/README.md.
 * Writes bench/results/latest.{md,json} and a copy of the markdown to bench/RESULTS.md.
 */
import { gitSection, renderGit } from './git';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { writeWorkspace } from './generate';
import { discoverMigrations } from '../server/src/engine/discover';
import { initParser, parseSql } from '../server/src/engine/parser';
import { PARSER_BASELINE_MAX_BYTES, WASM_TIER_ENV, WasmTier, wasmTierFor } from '../server/src/wasmTier';
import { LspRow, lspSection } from './lsp';
import { renderVerify, verifySection, VerifyRow } from './verify';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const BUILD = path.join(RESULTS, '.build');
const CORPUS = path.resolve(ROOT, 'test', 'corpus');
const CLI = path.join(ROOT, 'dist', 'cli.js');

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='));
const SECTIONS = new Set((onlyArg ? onlyArg.slice(7) : 'engine,lsp,verify,peers,parsers,git').split(',').map((s) => s.trim()));

const CFG = QUICK
  ? { sizes: [50, 200, 400], cliRuns: 1, bigCliRuns: 1, ratioReps: 1, bigRatioReps: 1, peerRuns: 1, throughputRuns: 1, countMax: 2_000, probeSizes: [8, 40, 64, 1024].map((k) => k * 1024) }
  : {
      sizes: [100, 1000, 5000],
      cliRuns: 3, // per workspace below 2,000 files (CLI runs and parse-only runs, interleaved)
      bigCliRuns: 2, // the 5,000-file workspace: one CLI run takes over a minute here
      ratioReps: 3,
      bigRatioReps: 1,
      peerRuns: 3,
      throughputRuns: 2,
      countMax: 100_000,
      probeSizes: [8, 16, 32, 40, 48, 64, 128, 1024, 4608].map((k) => k * 1024),
    };
const PARSERS = ['pg-query-emscripten', 'libpg-query', 'supabase-pg-parser'] as const;

// ---------------------------------------------------------------------------------------------- helpers

interface RunResult {
  wallMs: number;
  rssKb?: number;
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut?: 'total' | 'stall';
}

const GNU_TIME = (() => {
  if (!existsSync('/usr/bin/time')) return false;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/m.test(r.stderr);
})();

/**
 * Run a command in its own process group; wall time from spawn to exit, peak RSS via GNU time when asked.
 * A run that exceeds timeoutMs, or prints nothing for stallMs, is killed (its whole group) and marked.
 */
function run(cmd: string, argv: string[], opts: { cwd?: string; rss?: boolean; timeoutMs?: number; stallMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const useTime = opts.rss && GNU_TIME;
    const [c, a] = useTime ? ['/usr/bin/time', ['-f', 'BENCH_PEAK_RSS_KB=%M', cmd, ...argv]] : [cmd, argv];
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut: RunResult['timedOut'];
    let hwmKb = 0;
    const t0 = performance.now();
    const child = spawn(c, a, { cwd: opts.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env });
    const kill = (why: 'total' | 'stall') => {
      timedOut = why;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    };
    const total = opts.timeoutMs ? setTimeout(() => kill('total'), opts.timeoutMs) : undefined;
    let stall = opts.stallMs ? setTimeout(() => kill('stall'), opts.stallMs) : undefined;
    const poke = () => {
      if (!opts.stallMs) return;
      clearTimeout(stall);
      stall = setTimeout(() => kill('stall'), opts.stallMs);
    };
    // Without GNU time: poll VmHWM of the child (approximate: misses the last < 20 ms).
    const poll =
      opts.rss && !useTime
        ? setInterval(() => {
            try {
              const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
              if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
            } catch {
              /* exited */
            }
          }, 20)
        : undefined;
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
      poke();
    });
    child.stderr.on('data', (d: Buffer) => {
      err.push(d);
      poke();
    });
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - t0;
      clearTimeout(total);
      clearTimeout(stall);
      if (poll) clearInterval(poll);
      let stderr = Buffer.concat(err).toString('utf8');
      let rssKb: number | undefined = hwmKb || undefined;
      const m = /BENCH_PEAK_RSS_KB=(\d+)\s*$/.exec(stderr);
      if (m) {
        rssKb = Number(m[1]);
        stderr = stderr.slice(0, m.index);
      }
      // GNU time reports a killed command as "Command terminated by signal N" / "Command exited with non-zero status".
      stderr = stderr.replace(/Command (exited with non-zero status \d+|terminated by signal \d+)\n?$/, '');
      resolve({ wallMs, rssKb, code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr, timedOut });
    });
  });
}

function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const fmt = (n: number | undefined, d = 0) => (n === undefined || Number.isNaN(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }));
const mb = (kb: number | undefined) => (kb === undefined ? undefined : kb / 1024);
function table(head: string[], rows: (string | number)[][]): string {
  const line = (r: (string | number)[]) => `| ${r.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
function log(msg: string): void {
  process.stderr.write(`[bench ${((performance.now() - START) / 1000).toFixed(0)}s] ${msg}\n`);
}
function topRules(counts: Record<string, number>, n = 4): string {
  return (
    Object.entries(counts)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([k, v]) => `${k} ×${v}`)
      .join(', ') || '–'
  );
}
function lastJson(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.trim().split('\n').reverse();
  for (const l of lines) {
    try {
      return JSON.parse(l);
    } catch {
      /* not JSON */
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- setup

const START = performance.now();

interface Workspace {
  name: string;
  dir: string; // the migrations folder
  generated: boolean;
  files: number; // migrations the engine analyses
  bytes: number;
  statements: number;
  parseFailures: number;
  perFile: Record<string, number>; // statements per file (libpg-query), for the parser checks
}

async function describe(name: string, dir: string, generated: boolean): Promise<Workspace> {
  await initParser();
  const entries = readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
  const names = discoverMigrations(entries).migrations.map((m) => m.name);
  let bytes = 0;
  let statements = 0;
  let parseFailures = 0;
  const perFile: Record<string, number> = {};
  for (const n of names) {
    const text = readFileSync(path.join(dir, n), 'utf8');
    bytes += Buffer.byteLength(text);
    try {
      const k = parseSql(text).length;
      statements += k;
      perFile[n] = k;
    } catch {
      parseFailures++;
    }
  }
  return { name, dir, generated, files: names.length, bytes, statements, parseFailures, perFile };
}

async function bundle(): Promise<void> {
  mkdirSync(BUILD, { recursive: true });
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'child.ts')],
    outfile: path.join(BUILD, 'child.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
  });
  copyFileSync(path.join(ROOT, 'dist', 'libpg-query.wasm'), path.join(BUILD, 'libpg-query.wasm'));
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'bench', 'parser-probe.ts')],
    outfile: path.join(BUILD, 'parser-probe.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
}

function versionOf(pkg: string): string {
  try {
    const dir = existsSync(path.join(PEERS_DIR, 'node_modules', pkg)) ? path.join(PEERS_DIR, 'node_modules') : path.join(ROOT, 'node_modules');
    return (JSON.parse(readFileSync(path.join(dir, pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'not installed';
  }
}

// ---------------------------------------------------------------------------------------------- sections

interface EngineRow {
  ws: string;
  files: number;
  cliWallMs: number[];
  cliRssKb: number[];
  cliExit: number | null;
  cliFindings?: number;
  parseChildWallMs: number[];
  parseLoopMs: number[];
  ratio?: { parseMedianMs: number; analyzeMedianMs: number; ratioMedian: number; ratios: number[]; findings: number; codes: Record<string, number>; inParserMedianMs: number; parserCalls: number; bodyParserMedianMs: number; bodyParserCalls: number; ratioWithoutBodyParsesMedian: number };
  ratioError?: string;
  /** The same CLI runs with the parser's compile tier forced each way (auto picks by `wasmTierFor`). */
  tiers: Record<WasmTier, { wallMs: number[]; rssKb: number[] }>;
}

async function engineSection(wss: Workspace[]): Promise<EngineRow[]> {
  const rows: EngineRow[] = [];
  const childJs = path.join(BUILD, 'child.js');
  for (const ws of wss) {
    const big = ws.files >= 2000;
    const runs = big ? CFG.bigCliRuns : CFG.cliRuns;
    log(`engine: ${ws.name} (${ws.files} files): ${runs} CLI runs, ${runs} parse-only runs`);
    const row: EngineRow = { ws: ws.name, files: ws.files, cliWallMs: [], cliRssKb: [], cliExit: null, parseChildWallMs: [], parseLoopMs: [], tiers: { baseline: { wallMs: [], rssKb: [] }, optimizing: { wallMs: [], rssKb: [] } } };
    // Interleave CLI and parse-only runs so that machine noise hits both alike.
    for (let i = 0; i < runs; i++) {
      const r = await run(process.execPath, [CLI, 'check', ws.dir, '--format', 'json'], { rss: true, timeoutMs: 600_000 });
      row.cliWallMs.push(r.wallMs);
      if (r.rssKb) row.cliRssKb.push(r.rssKb);
      row.cliExit = r.code;
      if (i === 0) {
        try {
          row.cliFindings = (JSON.parse(r.stdout) as { diagnostics: unknown[] }).diagnostics.length;
        } catch {
          /* left undefined */
        }
      }
      for (const tier of ['baseline', 'optimizing'] as const) {
        const t = await run(process.execPath, [CLI, 'check', ws.dir, '--format', 'json'], { rss: true, timeoutMs: 600_000, env: { ...process.env, [WASM_TIER_ENV]: tier } });
        row.tiers[tier].wallMs.push(t.wallMs);
        if (t.rssKb) row.tiers[tier].rssKb.push(t.rssKb);
      }
      const p = await run(process.execPath, [childJs, 'parse', ws.dir], { timeoutMs: 600_000 });
      row.parseChildWallMs.push(p.wallMs);
      const j = lastJson(p.stdout) as { parseMs?: number } | undefined;
      if (j?.parseMs !== undefined) row.parseLoopMs.push(j.parseMs);
    }
    const reps = big ? CFG.bigRatioReps : CFG.ratioReps;
    log(`engine: ${ws.name}: in-process ratio, warm-up + ${reps} reps`);
    const r = await run(process.execPath, ['--max-old-space-size=8192', childJs, 'ratio', ws.dir, String(reps)], { timeoutMs: 900_000 });
    const j = lastJson(r.stdout) as EngineRow['ratio'] | undefined;
    if (j && r.code === 0) row.ratio = j;
    else row.ratioError = `exit ${r.code} ${r.signal ?? ''} ${r.stderr.slice(0, 200)}`;
    rows.push(row);
  }
  return rows;
}

interface PeerRow {
  ws: string;
  tool: string;
  wallMs: number[];
  rssKb: number[];
  exit: number | null;
  findings?: number;
  rules: Record<string, number>;
  note?: string;
}

/**
 * The peers are installed on demand into a git-ignored cache (not as devDependencies: their lock entries for
 * other platforms cannot be resolved from every registry, which would break `npm ci`).
 */
const PEERS_DIR = path.join(ROOT, 'bench', '.peers');
const PEER_PACKAGES = ['squawk-cli@2.66.0', '@postgres-language-server/cli@0.25.5'];
const SQUAWK_BIN = path.join(PEERS_DIR, 'node_modules', '@squawk-cli', 'linux-x64', 'bin', 'squawk');
const PGLS_BIN = path.join(PEERS_DIR, 'node_modules', '@postgres-language-server', 'cli-x86_64-linux-gnu', 'postgres-language-server');

function installPeers(): void {
  if (existsSync(SQUAWK_BIN) && existsSync(PGLS_BIN)) return;
  log(`installing peers into bench/.peers: ${PEER_PACKAGES.join(', ')}`);
  mkdirSync(PEERS_DIR, { recursive: true });
  const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', PEERS_DIR, ...PEER_PACKAGES], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) log(`peer install failed: ${r.stderr?.slice(-500)}`);
}

async function peersSection(wss: Workspace[]): Promise<{ rows: PeerRow[]; skipped: string[] }> {
  installPeers();
  const skipped: string[] = [];
  const tools: { tool: string; bin: string; argv: (ws: Workspace) => string[]; cwd?: string; parse: (stdout: string) => { findings: number; rules: Record<string, number> } }[] = [];
  tools.push({
    tool: 'supabase-migrations (ours)',
    bin: process.execPath,
    argv: (ws) => [CLI, 'check', ws.dir, '--format', 'json'],
    parse: (s) => {
      const j = JSON.parse(s) as { diagnostics: { code: string }[] };
      const rules: Record<string, number> = {};
      for (const d of j.diagnostics) rules[d.code] = (rules[d.code] ?? 0) + 1;
      return { findings: j.diagnostics.length, rules };
    },
  });
  if (existsSync(SQUAWK_BIN))
    tools.push({
      tool: `squawk ${versionOf('squawk-cli')}`,
      bin: SQUAWK_BIN,
      // Every .sql file of the folder, in name order (squawk takes files; it has no notion of a migrations folder).
      argv: (ws) => ['--reporter', 'json', ...readdirSync(ws.dir).filter((n) => n.endsWith('.sql')).sort().map((n) => path.join(ws.dir, n))],
      parse: (s) => {
        const j = JSON.parse(s) as { rule_name: string }[];
        const rules: Record<string, number> = {};
        for (const d of j) rules[d.rule_name] = (rules[d.rule_name] ?? 0) + 1;
        return { findings: j.length, rules };
      },
    });
  else skipped.push('squawk: native binary @squawk-cli/linux-x64 not installed');
  if (existsSync(PGLS_BIN)) {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'bench-pgls-')); // no config file, no VCS
    tools.push({
      tool: `postgres-language-server ${versionOf('@postgres-language-server/cli')}`,
      bin: PGLS_BIN,
      argv: (ws) => ['check', '--disable-db', '--max-diagnostics=none', '--reporter=json', '--colors=off', ws.dir],
      cwd,
      parse: (s) => {
        const j = JSON.parse(s) as { diagnostics: { category?: string }[] };
        const rules: Record<string, number> = {};
        for (const d of j.diagnostics) {
          const k = (d.category ?? 'unknown').replace(/^lint\/(safety\/)?/, '');
          rules[k] = (rules[k] ?? 0) + 1;
        }
        return { findings: j.diagnostics.length, rules };
      },
    });
  } else skipped.push('postgres-language-server: native binary @postgres-language-server/cli-x86_64-linux-gnu not installed');

  const rows: PeerRow[] = [];
  for (const ws of wss) {
    log(`peers: ${ws.name}`);
    const byTool = tools.map((t) => ({ t, row: { ws: ws.name, tool: t.tool, wallMs: [], rssKb: [], exit: null, rules: {} } as PeerRow }));
    // Round-robin over the tools, so that noise hits all of them alike.
    for (let i = 0; i < CFG.peerRuns; i++) {
      for (const { t, row } of byTool) {
        const r = await run(t.bin, t.argv(ws), { cwd: t.cwd, rss: true, timeoutMs: 300_000 });
        row.wallMs.push(r.wallMs);
        if (r.rssKb) row.rssKb.push(r.rssKb);
        row.exit = r.code;
        if (i === 0) {
          try {
            const p = t.parse(r.stdout);
            row.findings = p.findings;
            row.rules = p.rules;
          } catch (e) {
            row.note = `output not parsed (exit ${r.code}): ${(r.stderr || r.stdout).trim().slice(0, 160)}`;
          }
        }
      }
    }
    rows.push(...byTool.map((x) => x.row));
  }
  return { rows, skipped };
}

interface ProbeOutcome {
  status: 'ok' | 'error' | 'crash' | 'hang' | 'timeout';
  detail: string;
  result?: Record<string, unknown>;
  lastProgress?: unknown;
  wallMs: number;
}

async function probe(argv: string[], timeoutMs: number, stallMs: number): Promise<ProbeOutcome> {
  const r = await run(process.execPath, ['--max-old-space-size=4096', path.join(BUILD, 'parser-probe.mjs'), ...argv], { cwd: ROOT, timeoutMs, stallMs });
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => {
      try {
        return JSON.parse(l) as { result?: Record<string, unknown>; progress?: unknown };
      } catch {
        return {};
      }
    });
  const result = lines.find((l) => l.result)?.result;
  const lastProgress = [...lines].reverse().find((l) => l.progress !== undefined)?.progress;
  if (r.timedOut) return { status: r.timedOut === 'stall' ? 'hang' : 'timeout', detail: `killed after ${fmt(r.wallMs / 1000, 1)} s without ${r.timedOut === 'stall' ? 'progress' : 'finishing'} (last progress: ${String(lastProgress ?? 'none')})`, lastProgress, wallMs: r.wallMs };
  if (!result) {
    const why = r.signal ? `signal ${r.signal}` : `exit ${r.code}`;
    const msg = r.stderr.trim().split('\n').filter(Boolean).slice(-1)[0] ?? '';
    return { status: 'crash', detail: `process died (${why}) ${msg.slice(0, 160)} (last progress: ${String(lastProgress ?? 'none')})`, lastProgress, wallMs: r.wallMs };
  }
  return { status: result.ok ? 'ok' : 'error', detail: String(result.error ?? ''), result, lastProgress, wallMs: r.wallMs };
}

interface ParserReport {
  versions: Record<string, string>;
  throughput: { parser: string; outcome: ProbeOutcome; runs: { cold: number; warm: number; warmMBs: number }[]; failedFileAlone?: string }[];
  sizes: { parser: string; bytes: number; outcome: ProbeOutcome }[];
  counts: { parser: string; outcome: ProbeOutcome }[];
  firstFailBytes: Record<string, number | null>;
  throughputWs: string;
}

async function parsersSection(ws: Workspace): Promise<ParserReport> {
  const expected = path.join(BUILD, 'expected.json');
  writeFileSync(expected, JSON.stringify(ws.perFile));
  const rep: ParserReport = {
    versions: { 'pg-query-emscripten': versionOf('pg-query-emscripten'), 'libpg-query': versionOf('libpg-query'), 'supabase-pg-parser': versionOf('@supabase/pg-parser') },
    throughput: [],
    sizes: [],
    counts: [],
    firstFailBytes: {},
    throughputWs: ws.name,
  };
  const throughputRuns = CFG.throughputRuns;
  for (const p of PARSERS) {
    log(`parsers: ${p}: throughput on ${ws.name} (${throughputRuns} runs)`);
    const runs: { cold: number; warm: number; warmMBs: number }[] = [];
    let outcome: ProbeOutcome | undefined;
    for (let i = 0; i < throughputRuns; i++) {
      const o = await probe(['throughput', p, ws.dir, expected], 300_000, 30_000);
      outcome ??= o;
      if (o.status !== 'ok') {
        outcome = o;
        break;
      }
      const [c, w] = o.result!.passes as { statements: number; bytes: number; ms: number }[];
      runs.push({ cold: c.statements / (c.ms / 1000), warm: w.statements / (w.ms / 1000), warmMBs: w.bytes / 1048576 / (w.ms / 1000) });
    }
    let failedFileAlone: string | undefined;
    const failedAt = outcome?.result?.failedAt;
    if (outcome && outcome.status !== 'ok' && typeof failedAt === 'number') {
      const name = Object.keys(ws.perFile).sort()[failedAt];
      const alone = await probe(['file', p, path.join(ws.dir, name)], 60_000, 30_000);
      failedFileAlone = `${name} alone in a fresh process: ${alone.status === 'ok' ? `parses fine (${String(alone.result?.statements)} statements)` : `${alone.status}: ${alone.detail}`}`;
    }
    rep.throughput.push({ parser: p, outcome: outcome!, runs, failedFileAlone });
  }
  for (const p of PARSERS) {
    log(`parsers: ${p}: input sizes`);
    rep.firstFailBytes[p] = null;
    for (const bytes of CFG.probeSizes) {
      const o = await probe(['size', p, String(bytes)], 120_000, 60_000);
      rep.sizes.push({ parser: p, bytes, outcome: o });
      if (o.status !== 'ok' && rep.firstFailBytes[p] === null) rep.firstFailBytes[p] = bytes;
    }
  }
  for (const p of PARSERS) {
    log(`parsers: ${p}: up to ${CFG.countMax} consecutive parses`);
    rep.counts.push({ parser: p, outcome: await probe(['count', p, String(CFG.countMax)], 240_000, 20_000) });
  }
  return rep;
}

// ---------------------------------------------------------------------------------------------- report

function kbLabel(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${fmt(bytes / 1048576, 1)} MB` : `${fmt(bytes / 1024)} KB`;
}

function render(meta: Record<string, unknown>, wss: Workspace[], engine?: EngineRow[], peers?: { rows: PeerRow[]; skipped: string[] }, parsers?: ParserReport): string {
  const md: string[] = [];
  md.push(`# Benchmark results${QUICK ? ' (quick smoke run: fewer repetitions, smaller generated workspaces)' : ''}`, '');
  md.push(`Generated by \`npm run bench${QUICK ? ' -- --quick' : ''}\` on ${meta.date}. Node ${meta.node}, ${meta.cpu} × ${meta.cores}, ${meta.memGb} GB RAM. Peak RSS via ${meta.rssMethod}. Times are medians of the runs shown; see bench/README.md for what each number means.`, '');

  md.push('## 1. Workspaces', '');
  md.push(
    table(
      ['workspace', 'kind', 'migrations', 'bytes', 'KB/file', 'statements', 'files failing to parse'],
      wss.map((w) => [w.name, w.generated ? 'generated' : 'corpus', w.files, fmt(w.bytes), fmt(w.bytes / 1024 / Math.max(1, w.files), 1), fmt(w.statements), w.parseFailures]),
    ),
    '',
  );

  if (engine) {
    md.push('## 2. Engine / CLI', '');
    md.push(
      table(
        ['workspace', 'files', 'CLI cold wall ms', 'runs', 'CLI ms/file', 'CLI peak RSS MB', 'findings', 'parse-only child wall ms', 'parse loop ms', 'in-process checkFolder ms', 'in-process parse ms', 'ratio engine/parse', 'of which in parser calls ms (calls)', 'of those, for function and DO bodies ms (calls)', 'engine without parser calls ms', 'ratio without the body parses'],
        engine.map((r) => [
          r.ws,
          r.files,
          fmt(median(r.cliWallMs)),
          r.cliWallMs.length,
          fmt(median(r.cliWallMs) / Math.max(1, r.files), 2),
          fmt(mb(median(r.cliRssKb))),
          r.cliFindings ?? '–',
          fmt(median(r.parseChildWallMs)),
          fmt(median(r.parseLoopMs)),
          r.ratio ? fmt(r.ratio.analyzeMedianMs) : 'failed',
          r.ratio ? fmt(r.ratio.parseMedianMs) : 'failed',
          r.ratio ? fmt(r.ratio.ratioMedian, 2) : (r.ratioError ?? 'failed'),
          r.ratio ? `${fmt(r.ratio.inParserMedianMs)} (${fmt(r.ratio.parserCalls)})` : '–',
          r.ratio ? `${fmt(r.ratio.bodyParserMedianMs)} (${fmt(r.ratio.bodyParserCalls)})` : '–',
          r.ratio ? fmt(r.ratio.analyzeMedianMs - r.ratio.inParserMedianMs) : '–',
          r.ratio ? fmt(r.ratio.ratioWithoutBodyParsesMedian, 2) : '–',
        ]),
      ),
      '',
    );
    md.push('### WASM compile tier (check)', '');
    md.push(
      `The same \`check\` runs with the parser's WASM baseline-compiled only (V8 Liftoff) and with V8's default tier-up to its optimizing compiler (TurboFan), forced by \`${WASM_TIER_ENV}\`, interleaved with the runs above. Without the override the CLI picks baseline up to ${fmt(PARSER_BASELINE_MAX_BYTES / 1048576, 0)} MiB of SQL (the "auto" column); the table above is what it picked.`,
      '',
    );
    md.push(
      table(
        ['workspace', 'SQL MB', 'auto', 'baseline wall ms', 'optimizing wall ms', 'baseline / optimizing', 'baseline peak RSS MB', 'optimizing peak RSS MB'],
        engine.map((r) => {
          const bytes = wss.find((w) => w.name === r.ws)?.bytes ?? 0;
          const b = median(r.tiers.baseline.wallMs);
          const o = median(r.tiers.optimizing.wallMs);
          return [r.ws, fmt(bytes / 1048576, 2), wasmTierFor(bytes, PARSER_BASELINE_MAX_BYTES, {}), fmt(b), fmt(o), fmt(b / o, 2), fmt(mb(median(r.tiers.baseline.rssKb))), fmt(mb(median(r.tiers.optimizing.rssKb)))];
        }),
      ),
      '',
    );
    const gen = engine.filter((r) => wss.find((w) => w.name === r.ws)?.generated);
    if (gen.length) {
      md.push('### Scaling (generated workspaces)', '');
      md.push(
        table(
          ['workspace', 'files', 'CLI ms/file', 'checkFolder ms/file (warm)', 'parse ms/file (warm)', 'CLI peak RSS MB', 'RSS KB/file'],
          gen.map((r) => [
            r.ws,
            r.files,
            fmt(median(r.cliWallMs) / r.files, 2),
            r.ratio ? fmt(r.ratio.analyzeMedianMs / r.files, 2) : '–',
            r.ratio ? fmt(r.ratio.parseMedianMs / r.files, 3) : '–',
            fmt(mb(median(r.cliRssKb))),
            fmt(median(r.cliRssKb) / r.files, 0),
          ]),
        ),
        '',
      );
    }
    const goals: (string | number)[][] = [];
    const at = (n: number) => engine.find((r) => r.ws === `generated-${n}`);
    const g1 = at(1000);
    const g5 = at(5000);
    goals.push(['engine/parse ratio at 1,000 files', '≤ 1.3', g1?.ratio ? fmt(g1.ratio.ratioMedian, 2) : 'not measured', g1?.ratio ? (g1.ratio.ratioMedian <= 1.3 ? 'met' : 'NOT met') : '–']);
    goals.push(['CLI peak RSS at 5,000 files', '≤ 150 MB', g5 ? `${fmt(mb(median(g5.cliRssKb)))} MB` : 'not measured', g5 ? (median(g5.cliRssKb) / 1024 <= 150 ? 'met' : 'NOT met') : '–']);
    md.push('### Goals', '', table(['goal', 'target', 'measured', 'status'], goals), '');
  }

  if (peers) {
    md.push('## 3. Peers on the same folders (same run, round-robin)', '');
    md.push(
      table(
        ['workspace', 'tool', 'wall ms', 'peak RSS MB', 'exit', 'findings', 'top rules'],
        peers.rows.map((r) => [r.ws, r.tool, fmt(median(r.wallMs)), fmt(mb(median(r.rssKb))), r.exit ?? '–', r.findings ?? '–', r.note ?? topRules(r.rules)]),
      ),
      '',
    );
    if (peers.skipped.length) md.push('Skipped: ' + peers.skipped.join('; '), '');
  }

  if (parsers) {
    md.push('## 4. Parsers', '');
    md.push(`Versions: ${Object.entries(parsers.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`, '');
    md.push(`### Throughput (${parsers.throughputWs}, file by file, two passes per process, medians over processes; each file's statement count checked against libpg-query)`, '');
    md.push(
      table(
        ['parser', 'result', 'statements parsed (one pass)', 'cold statements/s (1st pass)', 'warm statements/s (2nd pass)', 'warm MB/s', 'module load ms'],
        parsers.throughput.map(({ parser, outcome, runs }) => {
          const r = (outcome.result ?? {}) as { passes?: { statements: number; bytes: number; ms: number }[]; loadMs?: number };
          const first = r.passes?.[0];
          const partialRate = first && first.ms > 0 ? first.statements / (first.ms / 1000) : undefined;
          return [
            parser,
            outcome.status === 'ok' ? 'ok' : `${outcome.status}: ${outcome.detail}`,
            fmt(first?.statements),
            runs.length ? fmt(median(runs.map((x) => x.cold))) : `${fmt(partialRate)} (until the failure)`,
            runs.length ? fmt(median(runs.map((x) => x.warm))) : '–',
            runs.length ? fmt(median(runs.map((x) => x.warmMBs)), 2) : '–',
            fmt(r.loadMs),
          ];
        }),
      ),
      '',
    );
    for (const t of parsers.throughput)
      if (t.outcome.status !== 'ok') md.push(`- ${t.parser} stopped at file #${String(t.outcome.result?.failedAt ?? '?')} (0-based) of pass ${String(t.outcome.result?.failedPass ?? '?')}. ${t.failedFileAlone ?? ''}`);
    md.push('');
    md.push('### Input size (one input of repeated ~200-byte statements; fresh process per cell)', '');
    const sizes = [...new Set(parsers.sizes.map((s) => s.bytes))];
    md.push(
      table(
        ['parser', ...sizes.map(kbLabel), 'first failure at'],
        PARSERS.map((p) => [
          p,
          ...sizes.map((b) => {
            const o = parsers.sizes.find((s) => s.parser === p && s.bytes === b)!.outcome;
            return o.status === 'ok' ? `ok (${fmt(o.result?.ms as number)} ms)` : o.status;
          }),
          parsers.firstFailBytes[p] === null ? `none up to ${kbLabel(sizes[sizes.length - 1])}` : kbLabel(parsers.firstFailBytes[p]!),
        ]),
      ),
      '',
    );
    const fails = parsers.sizes.filter((s) => s.outcome.status !== 'ok');
    if (fails.length) md.push('First failure per parser:', '', ...PARSERS.map((p) => fails.find((f) => f.parser === p)).filter((f): f is (typeof fails)[number] => !!f).map((f) => `- ${f.parser} at ${kbLabel(f.bytes)}: ${f.outcome.status}: ${f.outcome.detail || '(no message)'}`), '');
    md.push(`### Consecutive parses of one ~200-byte statement (up to ${fmt(CFG.countMax)})`, '');
    md.push(
      table(
        ['parser', 'result', 'parses before failure', 'time s', 'error', 'next parses after the failure'],
        parsers.counts.map(({ parser, outcome }) => {
          const r = (outcome.result ?? {}) as { parses?: number; ms?: number; after?: string[] };
          const parses = outcome.status === 'ok' ? `${fmt(r.parses)} (no failure)` : r.parses !== undefined ? fmt(r.parses) : `≈ ${String(outcome.lastProgress ?? '?')} (last progress)`;
          return [parser, outcome.status, parses, fmt((r.ms ?? outcome.wallMs) / 1000, 1), outcome.status === 'ok' ? '–' : outcome.detail, r.after?.join('; ') ?? '–'];
        }),
      ),
      '',
    );
  }
  md.push(`Total bench time: ${fmt((performance.now() - START) / 1000)} s.`, '');
  return md.join('\n');
}

function renderLsp(rows: LspRow[]): string {
  const md = ['## 5. Language server (bundled server over stdio, JSON-RPC client)', ''];
  md.push(
    table(
      ['workspace', 'files', 'initialize → all diagnostics ms', 'edit → republish p50 ms', 'p95 ms', 'edits', 'effect-changing edit, middle file p50/p95 ms', 'same, last file p50/p95 ms', 'definition p50/p95 ms', 'hover p50/p95 ms', 'dependency graph request p50 ms (KB)', 'server RSS after indexing MB'],
      rows.map((r) => [
        r.workspace,
        r.files,
        fmt(r.initToDiagnosticsMs),
        r.editP50,
        r.editP95,
        r.edits,
        `${r.effectEditP50} / ${r.effectEditP95} (${r.effectEdits})`,
        `${r.lastEffectEditP50} / ${r.lastEffectEditP95} (${r.effectEdits})`,
        `${r.definitionP50} / ${r.definitionP95}`,
        `${r.hoverP50} / ${r.hoverP95}`,
        `${r.graphP50} (${r.graphKb})`,
        r.rssMb,
      ]),
    ),
    '',
  );
  const small = rows.reduce<LspRow | undefined>((a, r) => (!a || r.files < a.files ? r : a), undefined);
  const big = rows.reduce<LspRow | undefined>((a, r) => (!a || r.files > a.files ? r : a), undefined);
  if (small && big && big.files > small.files) {
    const x = (a: number, b: number) => `${(b / a).toFixed(1)}×`;
    md.push(
      `Scaling from ${fmt(small.files)} to ${fmt(big.files)} files (${x(small.files, big.files)} the files): an edit that keeps what the file creates, p50 ${x(small.editP50, big.editP50)}; one that changes it, last file ${x(small.lastEffectEditP50, big.lastEffectEditP50)}, middle file ${x(small.effectEditP50, big.effectEditP50)} (that one replays every migration after the edited one); initialize → all diagnostics ${x(small.initToDiagnosticsMs, big.initToDiagnosticsMs)}.`,
      '',
    );
  }
  const k = rows.find((r) => r.files === 1000);
  if (k) {
    md.push(
      table(['goal (1,000 files)', 'target', 'measured', 'status'], [
        ['edit → diagnostics p95', '≤ 30 ms', `${k.editP95} ms`, k.editP95 <= 30 ? 'met' : 'NOT met'],
        ['definition / hover p95', '≤ 5 ms', `${k.definitionP95} / ${k.hoverP95} ms`, k.definitionP95 <= 5 && k.hoverP95 <= 5 ? 'met' : 'NOT met'],
      ]),
      '',
    );
  }
  return md.join('\n');
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  if (SECTIONS.size === 1 && SECTIONS.has('git')) {
    // reading the base only (bench/git.ts): no workspaces, no bundles
    const md = renderGit(await gitSection());
    process.stdout.write(md + '\n');
    return;
  }
  if (!existsSync(CLI)) throw new Error('dist/cli.js missing: run `npm run build` first (npm run bench does)');
  mkdirSync(RESULTS, { recursive: true });
  await bundle();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'supabase-migrations-bench-'));
  try {
    const wss: Workspace[] = [];
    if (existsSync(CORPUS))
      for (const name of readdirSync(CORPUS).sort()) {
        const dir = path.join(CORPUS, name, 'supabase', 'migrations');
        if (existsSync(dir) && statSync(dir).isDirectory()) wss.push(await describe(name, dir, false));
      }
    for (const n of CFG.sizes) {
      log(`generating ${n} migrations`);
      const { folder } = writeWorkspace(path.join(tmp, `generated-${n}`), n);
      wss.push(await describe(`generated-${n}`, folder, true));
    }
    const medium = wss.find((w) => w.name === `generated-${CFG.sizes[1]}`)!;
    const meta = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      node: process.version,
      cpu: os.cpus()[0]?.model ?? 'unknown CPU',
      cores: os.cpus().length,
      memGb: Math.round(os.totalmem() / 2 ** 30),
      rssMethod: GNU_TIME ? 'GNU time (/usr/bin/time -f %M)' : 'polling /proc/<pid>/status VmHWM every 20 ms',
      quick: QUICK,
      sections: [...SECTIONS],
      config: CFG,
    };
    const engine = SECTIONS.has('engine') ? await engineSection(wss) : undefined;
    const lsp: LspRow[] = [];
    if (SECTIONS.has('lsp')) {
      // every generated size: how an edit's cost grows with the folder (item 5); the largest gets fewer
      // effect-changing edits (each replays half of it)
      const largest = Math.max(...wss.filter((x) => x.generated).map((x) => x.files));
      for (const w of wss.filter((x) => x.generated)) {
        log(`lsp: ${w.name}`);
        const edits = QUICK ? 40 : 200;
        lsp.push(await lspSection(w.name, path.dirname(path.dirname(w.dir)), edits, w.files === largest && w.files > 1000 ? 30 : Math.min(edits, 100)));
      }
    }
    let verify: VerifyRow[] = [];
    if (SECTIONS.has('verify')) {
      log('verify: corpus folders');
      verify = await verifySection(CLI, wss.filter((w) => !w.generated).map((w) => ({ name: w.name, dir: w.dir })), (cmd, argv, o) => run(cmd, argv, o));
    }
    const peers = SECTIONS.has('peers') ? await peersSection([...wss.filter((w) => !w.generated), medium]) : undefined;
    const parsers = SECTIONS.has('parsers') ? await parsersSection(medium) : undefined;
    const git = SECTIONS.has('git') ? await gitSection() : undefined;
    let md = render(meta, wss, engine, peers, parsers);
    if (git) md = md.replace(/\nTotal bench time:/, `\n${renderGit(git)}\nTotal bench time:`);
    if (lsp.length) md = md.replace(/\nTotal bench time:/, `\n${renderLsp(lsp)}\nTotal bench time:`);
    if (verify.length) md = md.replace(/\nTotal bench time:/, `\n${renderVerify(verify, table)}\nTotal bench time:`);
    const json = { meta, lsp, verify, git, workspaces: wss.map(({ perFile: _perFile, ...w }) => ({ ...w, dir: w.generated ? `<tmp>/${w.name}/supabase/migrations` : path.relative(ROOT, w.dir) })), engine, peers, parsers, totalSeconds: (performance.now() - START) / 1000 };
    writeFileSync(path.join(RESULTS, 'latest.md'), md);
    writeFileSync(path.join(RESULTS, 'latest.json'), JSON.stringify(json, null, 2) + '\n');
    // the committed copy only holds complete runs
    const complete = !QUICK && !onlyArg;
    if (complete) writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), md);
    process.stdout.write(md + '\n');
    log(`wrote bench/results/latest.md, bench/results/latest.json${complete ? ', bench/RESULTS.md' : ' (bench/RESULTS.md only holds complete runs)'}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
