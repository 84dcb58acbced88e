/**
 * Benchmark child process for our engine and parser (bundled by bench/run.ts like the CLI is, so its cold
 * start is comparable). Prints one JSON line on stdout.
 *
 *   parse <migrationsDir>          read every migration the engine would analyse, parseSql each; time the loop
 *   ratio <migrationsDir> <reps>   warm up, then alternate "parse every file" and checkFolder (what `check` runs), reps times
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkFolder, FileContent } from '../server/src/engine/analyze';
import { discoverMigrations } from '../server/src/engine/discover';
import { initParser, parseSql, parserClock } from '../server/src/engine/parser';

interface Loaded {
  entries: { name: string; isDirectory: boolean }[];
  files: Map<string, FileContent>;
  /** Names the engine analyses, in apply order. */
  migrations: string[];
  bytes: number;
}

function load(dir: string): Loaded {
  const entries = readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory() }));
  const migrations = discoverMigrations(entries).migrations.map((m) => m.name);
  const files = new Map<string, FileContent>();
  let bytes = 0;
  for (const name of migrations) {
    const buf = readFileSync(path.join(dir, name));
    bytes += buf.length;
    files.set(name, { text: buf.toString('utf8') });
  }
  return { entries, files, migrations, bytes };
}

function parseAll(l: Loaded): { statements: number; failures: number } {
  let statements = 0;
  let failures = 0;
  for (const name of l.migrations) {
    try {
      statements += parseSql(l.files.get(name)!.text).length;
    } catch {
      failures++;
    }
  }
  return { statements, failures };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function main(): Promise<void> {
  const [mode, dir, repsArg] = process.argv.slice(2);
  if (mode === 'parse') {
    const t0 = performance.now();
    const l = load(dir);
    await initParser();
    const t1 = performance.now();
    const r = parseAll(l);
    const t2 = performance.now();
    console.log(JSON.stringify({ files: l.migrations.length, bytes: l.bytes, ...r, setupMs: t1 - t0, parseMs: t2 - t1, rssMb: process.memoryUsage().rss / 1048576 }));
    return;
  }
  if (mode === 'ratio') {
    const reps = Math.max(1, Number(repsArg ?? 3));
    const l = load(dir);
    await initParser();
    // what `check` runs (streamed: each file extracted, replayed and pruned in turn)
    const run = () => checkFolder({ folder: dir, entries: l.entries, files: l.files });
    // Warm-up: one of each, so both paths are compiled before timing.
    parseAll(l);
    // only the warm-up's finding counts are kept: holding a whole analysis (the CLI never holds two) would
    // make every timed run's garbage collections mark it too, which inflates large folders' times
    const { findings, codes } = findingCounts(run());
    const parseMs: number[] = [];
    const analyzeMs: number[] = [];
    const ratios: number[] = [];
    const inParserMs: number[] = [];
    const parserCalls: number[] = [];
    const bodyParserMs: number[] = [];
    const bodyParserCalls: number[] = [];
    for (let i = 0; i < reps; i++) {
      let t = performance.now();
      parseAll(l);
      const p = performance.now() - t;
      const c0 = { ...parserClock };
      t = performance.now();
      run();
      const a = performance.now() - t;
      inParserMs.push(parserClock.ms - c0.ms);
      parserCalls.push(parserClock.calls - c0.calls);
      bodyParserMs.push(parserClock.bodyMs - c0.bodyMs);
      bodyParserCalls.push(parserClock.bodyCalls - c0.bodyCalls);
      parseMs.push(p);
      analyzeMs.push(a);
      ratios.push(a / p);
    }
    console.log(
      JSON.stringify({
        files: l.migrations.length,
        parseMs,
        analyzeMs,
        ratios,
        parseMedianMs: median(parseMs),
        analyzeMedianMs: median(analyzeMs),
        ratioMedian: median(ratios),
        // inside checkFolder: time in parser calls (statements, PL/pgSQL bodies and their expressions)
        inParserMedianMs: median(inParserMs),
        parserCalls: median(parserCalls),
        // of which for function and DO bodies (the PL/pgSQL parser, and the statements of a body parsed again)
        bodyParserMedianMs: median(bodyParserMs),
        bodyParserCalls: median(bodyParserCalls),
        // what the ratio would be if those calls cost nothing (per repetition, then the median)
        ratioWithoutBodyParsesMedian: median(analyzeMs.map((a, i) => (a - bodyParserMs[i]) / parseMs[i])),
        findings,
        codes,
      }),
    );
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

function findingCounts(a: { findings: { code: string }[] }): { findings: number; codes: Record<string, number> } {
  const codes: Record<string, number> = {};
  for (const f of a.findings) codes[f.code] = (codes[f.code] ?? 0) + 1;
  return { findings: a.findings.length, codes };
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
