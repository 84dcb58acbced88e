/**
 * One parser probe in its own process (bundled as ESM by bench/run.ts; packages stay external). The parent
 * runs it with a timeout and a stall timeout, so a crash or a hang is a result, not a failure of the bench.
 * Prints JSON lines: {"progress":n} while working, one {"result":...} at the end.
 *
 *   throughput <parser> <migrationsDir> <expected.json>   parse every file, twice (cold, warm); check statement counts
 *   size <parser> <bytes>                                 parse one input of repeated statements
 *   count <parser> <max>                                  parse a ~200-byte statement up to max times
 *   file <parser> <path>                                  parse one file alone
 *
 * <parser>: libpg-query | pg-query-emscripten | supabase-pg-parser
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

type ParseFn = (sql: string) => number | Promise<number>; // statement count; throws on error

async function loadParser(name: string): Promise<{ parse: ParseFn; pgVersion: (sql: string) => Promise<number | undefined> }> {
  if (name === 'libpg-query') {
    const pg = await import('libpg-query');
    await pg.loadModule();
    const parse = (sql: string) => (pg.parseSync(sql).stmts ?? []).length;
    return { parse, pgVersion: async (sql) => pg.parseSync(sql).version };
  }
  if (name === 'pg-query-emscripten') {
    // ESM, default export: an async factory used with `new`. No type declarations.
    const mod = (await import('pg-query-emscripten' as string)) as { default: new () => Promise<{ parse(sql: string): { parse_tree?: { version?: number; stmts?: unknown[] }; error?: { message?: string } | null } }> };
    const pg = await new mod.default();
    const one = (sql: string) => {
      const r = pg.parse(sql);
      if (r.error) throw new Error(r.error.message ?? JSON.stringify(r.error));
      if (!r.parse_tree) throw new Error('no parse tree');
      return r.parse_tree;
    };
    return { parse: (sql) => (one(sql).stmts ?? []).length, pgVersion: async (sql) => one(sql).version };
  }
  if (name === 'supabase-pg-parser') {
    const { PgParser } = await import('@supabase/pg-parser');
    const p = new PgParser({ version: 17 });
    await p.ready;
    const one = async (sql: string) => {
      const r = await p.parse(sql);
      if (r.error) throw r.error;
      return r.tree;
    };
    return { parse: async (sql) => ((await one(sql)).stmts ?? []).length, pgVersion: async (sql) => (await one(sql)).version };
  }
  throw new Error(`unknown parser ${name}`);
}

/** ~200 bytes, with a policy-style subquery and a function call: typical migration text. */
export const STATEMENT =
  "create policy \"owners read\" on public.tasks for select to authenticated using (exists (select 1 from public.projects p where p.id = tasks.project_id and p.owner = (select auth.uid())));\n";

function emit(o: unknown): void {
  process.stdout.write(JSON.stringify(o) + '\n');
}

function errText(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.length > 200 ? m.slice(0, 200) + '…' : m;
}

async function main(): Promise<void> {
  const [mode, parserName, a, b] = process.argv.slice(2);
  const tLoad = performance.now();
  const parser = await loadParser(parserName);
  const loadMs = performance.now() - tLoad;

  if (mode === 'throughput') {
    const dir = a;
    const expected = JSON.parse(readFileSync(b, 'utf8')) as Record<string, number>;
    const names = readdirSync(dir).filter((n) => n.endsWith('.sql') && n in expected).sort();
    const texts = names.map((n) => readFileSync(path.join(dir, n), 'utf8'));
    // Pass 1 is cold (module just loaded, JIT and WASM memory not warmed up); pass 2 is warm.
    const passes: { statements: number; bytes: number; ms: number }[] = [];
    for (let pass = 0; pass < 2; pass++) {
      let statements = 0;
      let bytes = 0;
      const t0 = performance.now();
      for (let i = 0; i < names.length; i++) {
        let error: string | undefined;
        try {
          const n = await parser.parse(texts[i]);
          if (n !== expected[names[i]]) error = `wrong statement count: ${n}, expected ${expected[names[i]]}`;
          statements += n;
        } catch (e) {
          error = errText(e);
        }
        if (error) {
          passes.push({ statements, bytes, ms: performance.now() - t0 });
          emit({ result: { ok: false, loadMs, passes, failedAt: i, failedPass: pass + 1, error } });
          return;
        }
        bytes += Buffer.byteLength(texts[i]);
        if (i % 50 === 0) emit({ progress: `${pass + 1}:${i}` });
      }
      passes.push({ statements, bytes, ms: performance.now() - t0 });
    }
    emit({ result: { ok: true, loadMs, files: names.length, passes, pgVersion: await parser.pgVersion('select 1') } });
    return;
  }

  if (mode === 'file') {
    // One file alone, in a fresh process: tells a corrupted parser state from a file it cannot parse.
    const t0 = performance.now();
    try {
      emit({ result: { ok: true, statements: await parser.parse(readFileSync(a, 'utf8')), ms: performance.now() - t0 } });
    } catch (e) {
      emit({ result: { ok: false, ms: performance.now() - t0, error: errText(e) } });
    }
    return;
  }

  if (mode === 'size') {
    const target = Number(a);
    const reps = Math.max(1, Math.round(target / Buffer.byteLength(STATEMENT)));
    const sql = STATEMENT.repeat(reps);
    const t0 = performance.now();
    try {
      const n = await parser.parse(sql);
      const ms = performance.now() - t0;
      if (n !== reps) emit({ result: { ok: false, bytes: sql.length, ms, error: `wrong statement count: ${n}, expected ${reps}` } });
      else emit({ result: { ok: true, bytes: sql.length, ms } });
    } catch (e) {
      emit({ result: { ok: false, bytes: sql.length, ms: performance.now() - t0, error: errText(e) } });
    }
    return;
  }

  if (mode === 'count') {
    const max = Number(a);
    const t0 = performance.now();
    let failedAt = -1;
    let error = '';
    for (let i = 0; i < max; i++) {
      try {
        const n = await parser.parse(STATEMENT);
        if (n !== 1) throw new Error(`wrong statement count: ${n}`);
      } catch (e) {
        failedAt = i;
        error = errText(e);
        break;
      }
      if (i % 1000 === 0) emit({ progress: i });
    }
    const ms = performance.now() - t0;
    if (failedAt < 0) {
      emit({ result: { ok: true, parses: max, ms } });
      return;
    }
    // What happens next: a few more parses of a trivial statement (a hang here is caught by the parent).
    const after: string[] = [];
    for (let k = 0; k < 3; k++) {
      emit({ progress: `after-${k}` });
      try {
        await parser.parse('select 1');
        after.push('ok');
      } catch (e) {
        after.push('error: ' + errText(e).slice(0, 80));
      }
    }
    emit({ result: { ok: false, parses: failedAt, ms, error, after } });
    return;
  }
  throw new Error(`unknown mode ${mode}`);
}

main().catch((e) => {
  emit({ result: { ok: false, error: 'probe crashed: ' + errText(e) } });
  process.exit(3);
});
