/**
 * Language-server latencies, measured through the real bundled server over stdio (what an editor sees):
 * initialize → first complete set of diagnostics, one-character edits → republished diagnostics (p50/p95),
 * definition and hover latency (p50/p95), and the server's RSS after indexing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LspClient, uri } from '../test/support/lspClient';

export interface LspRow {
  workspace: string;
  files: number;
  initToDiagnosticsMs: number;
  editP50: number;
  editP95: number;
  edits: number;
  /** Edits that change what the middle migration creates (a re-replay of the timeline from it). */
  effectEditP50: number;
  effectEditP95: number;
  /** The same in the last migration (where new work usually happens). */
  lastEffectEditP50: number;
  lastEffectEditP95: number;
  effectEdits: number;
  definitionP50: number;
  definitionP95: number;
  hoverP50: number;
  hoverP95: number;
  rssMb: number;
  /** supabaseMigrations/dependencyGraph (what the tree view asks after changes): p50 ms and response size. */
  graphP50: number;
  graphKb: number;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : NaN;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

const versions = new Map<string, number>();

/** Alternate `a` and `b` as the open document's text, `n` times; ms from didChange to its republish. */
async function timeEdits(c: LspClient, file: string, a: string, b: string, n: number): Promise<number[]> {
  const u = uri(file);
  if (!versions.has(u)) {
    versions.set(u, 1);
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'sql', version: 1, text: a } });
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const next = i % 2 === 0 ? b : a;
    const version = versions.get(u)! + 1;
    versions.set(u, version);
    const before = c.publications.length;
    const s = performance.now();
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ text: next }] });
    await c.waitFor(() => c.publications.slice(before).some((p) => p.uri === u), 'republished diagnostics', 60_000);
    times.push(performance.now() - s);
  }
  // leave the document as it was
  if (n % 2 === 1) {
    const version = versions.get(u)! + 1;
    versions.set(u, version);
    await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [{ text: a }] });
  }
  return times;
}

/** The text with a second CREATE TABLE of the first table it creates (a duplicate-object error). */
function withDuplicate(text: string): string {
  const m = /create table (?:if not exists )?((?:"?[a-z_0-9]+"?\.)?"?[a-z_0-9]+"?)/i.exec(text);
  return `${text}\ncreate table ${m ? m[1] : 'public.bench_dup'} (id int);\n${m ? '' : 'create table public.bench_dup (id int);\n'}`;
}

export async function lspSection(name: string, root: string, edits: number, effectEdits = Math.min(edits, 100)): Promise<LspRow> {
  const folder = path.join(root, 'supabase', 'migrations');
  const names = readdirSync(folder).filter((n) => n.endsWith('.sql')).sort();
  const c = new LspClient();
  try {
    const t0 = performance.now();
    await c.initialize(root);
    // every migration has been published once
    await c.waitFor(() => names.every((n) => c.diagnostics.has(uri(path.join(folder, n)))), 'first complete diagnostics', 600_000);
    const initToDiagnosticsMs = Math.round(performance.now() - t0);
    const rssMb = rssOf(c.proc.pid!);

    // Edits in the middle migration that change what it *uses*: the edit alternates an unknown table name
    // so that diagnostics of this file change every time (a finding appears and disappears), forcing a
    // republish. Most typing is like this (queries, policies, function bodies, comments).
    const target = path.join(folder, names[Math.floor(names.length / 2)]);
    const text = readFileSync(target, 'utf8');
    const editTimes = await timeEdits(c, target, text, text + `\nselect * from public.nopex;\n`, edits);
    // Edits that change what a migration *does*: a CREATE TABLE of a table the file already created appears
    // and disappears (a duplicate-object error each time), in the middle migration and in the last one.
    const effectTimes = await timeEdits(c, target, text, withDuplicate(text), effectEdits);
    const last = path.join(folder, names[names.length - 1]);
    const lastText = readFileSync(last, 'utf8');
    const lastEffectTimes = await timeEdits(c, last, lastText, withDuplicate(lastText), effectEdits);

    // definition / hover on a reference in the last migration that points to an earlier one
    const m = /references\s+public\.([a-z_0-9]+)/i.exec(lastText) ?? /from\s+public\.([a-z_0-9]+)/i.exec(lastText);
    const defTimes: number[] = [];
    const hoverTimes: number[] = [];
    if (m) {
      const idx = m.index + m[0].length - m[1].length;
      const before = lastText.slice(0, idx);
      const position = { line: before.split('\n').length - 1, character: idx - before.lastIndexOf('\n') - 1 };
      for (let i = 0; i < 200; i++) {
        let s = performance.now();
        await c.conn.sendRequest('textDocument/definition', { textDocument: { uri: uri(last) }, position });
        defTimes.push(performance.now() - s);
        s = performance.now();
        await c.conn.sendRequest('textDocument/hover', { textDocument: { uri: uri(last) }, position });
        hoverTimes.push(performance.now() - s);
      }
    }
    // the dependency tree's request: the whole graph with the objects behind every edge
    const graphTimes: number[] = [];
    let graphKb = 0;
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      const g = await c.conn.sendRequest('supabaseMigrations/dependencyGraph', {});
      graphTimes.push(performance.now() - s);
      if (i === 0) graphKb = Math.round(JSON.stringify(g).length / 1024);
    }
    return {
      workspace: name,
      files: names.length,
      initToDiagnosticsMs,
      editP50: pct(editTimes, 50),
      editP95: pct(editTimes, 95),
      edits,
      effectEditP50: pct(effectTimes, 50),
      effectEditP95: pct(effectTimes, 95),
      lastEffectEditP50: pct(lastEffectTimes, 50),
      lastEffectEditP95: pct(lastEffectTimes, 95),
      effectEdits: effectTimes.length,
      definitionP50: pct(defTimes, 50),
      definitionP95: pct(defTimes, 95),
      hoverP50: pct(hoverTimes, 50),
      hoverP95: pct(hoverTimes, 95),
      graphP50: pct(graphTimes, 50),
      graphKb,
      rssMb,
    };
  } finally {
    await c.stop();
  }
}
