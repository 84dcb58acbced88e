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
  definitionP50: number;
  definitionP95: number;
  hoverP50: number;
  hoverP95: number;
  rssMb: number;
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

export async function lspSection(name: string, root: string, edits: number): Promise<LspRow> {
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

    // one-character edits in the middle migration; the edit alternates a table name so that diagnostics of
    // this file change every time (a new unknown reference appears and disappears), forcing a republish.
    const target = path.join(folder, names[Math.floor(names.length / 2)]);
    const u = uri(target);
    const text = readFileSync(target, 'utf8');
    await c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: u, languageId: 'sql', version: 1, text } });
    const editTimes: number[] = [];
    for (let i = 0; i < edits; i++) {
      const broken = i % 2 === 0;
      const next = broken ? text + `\nselect * from public.nope${'x'.repeat(1)};\n` : text;
      const before = c.publications.length;
      const s = performance.now();
      await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: u, version: i + 2 }, contentChanges: [{ text: next }] });
      await c.waitFor(() => c.publications.slice(before).some((p) => p.uri === u), 'republished diagnostics', 60_000);
      editTimes.push(performance.now() - s);
    }

    // definition / hover on a reference in the last migration that points to an earlier one
    const last = path.join(folder, names[names.length - 1]);
    const lastText = readFileSync(last, 'utf8');
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
    return {
      workspace: name,
      files: names.length,
      initToDiagnosticsMs,
      editP50: pct(editTimes, 50),
      editP95: pct(editTimes, 95),
      edits,
      definitionP50: pct(defTimes, 50),
      definitionP95: pct(defTimes, 95),
      hoverP50: pct(hoverTimes, 50),
      hoverP95: pct(hoverTimes, 95),
      rssMb,
    };
  } finally {
    await c.stop();
  }
}
