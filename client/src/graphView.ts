/**
 * "Show Dependency Graph": an arc diagram of the migrations in apply order, drawn as SVG in a webview (no
 * network needed); forward edges in red. Export writes the SVG (or the Mermaid source the server sent) to a file.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DependencyGraphRequest, MigrationFolderGraphDto } from '../../server/src/protocol';

export async function showGraph(context: vscode.ExtensionContext, client: LanguageClient): Promise<vscode.WebviewPanel> {
  const g = await client.sendRequest(DependencyGraphRequest, { mermaid: true });
  const panel = vscode.window.createWebviewPanel('supabaseMigrations.graph', 'Migration Dependencies', vscode.ViewColumn.Beside, { enableScripts: true });
  const svgs = g.folders.map((f) => ({ folder: f, svg: renderSvg(f) }));
  panel.webview.html = html(svgs.map((s) => s.svg), panel.webview.cspSource);
  panel.webview.onDidReceiveMessage(async (m: { type: string; uri?: string; line?: number; format?: string }) => {
    if (m.type === 'open' && m.uri) {
      const pos = new vscode.Position(m.line ?? 0, 0);
      await vscode.window.showTextDocument(vscode.Uri.parse(m.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(pos, pos) });
    }
    if (m.type === 'export') {
      const mermaid = m.format === 'mermaid';
      const target = await vscode.window.showSaveDialog({ filters: mermaid ? { Mermaid: ['mmd'] } : { SVG: ['svg'] }, defaultUri: vscode.Uri.joinPath(vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file('.'), mermaid ? 'migrations.mmd' : 'migrations.svg') });
      if (!target) return;
      const content = mermaid ? g.folders.map((f) => f.mermaid ?? '').join('\n\n') : svgs.map((s) => s.svg).join('\n');
      await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
      void vscode.window.showInformationMessage(`Saved ${target.fsPath}`);
    }
  });
  context.subscriptions.push(panel);
  return panel;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Arc diagram: one row per migration (apply order); dependency arcs on the right, forward ones red. */
export function renderSvg(f: MigrationFolderGraphDto): string {
  const rowH = 26;
  const labelW = Math.max(260, ...f.nodes.map((n) => n.name.length * 7.2 + 40));
  const maxSpan = Math.max(1, ...f.edges.map((e) => Math.abs(e.from - e.to)));
  const width = labelW + 40 + Math.min(600, maxSpan * 18 + 40);
  const height = f.nodes.length * rowH + 30;
  const y = (i: number) => 20 + i * rowH;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="12">`);
  parts.push(`<style>.n{fill:var(--vscode-foreground,#222)} .e{fill:none;stroke:#6b8cc7;stroke-width:1.4;opacity:.8} .f{stroke:#d33;stroke-width:2.2;opacity:1} .d{stroke-dasharray:4 3} .dot{fill:#6b8cc7} .bad{fill:#d33}</style>`);
  parts.push(`<defs><marker id="a" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#6b8cc7"/></marker><marker id="af" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#d33"/></marker></defs>`);
  const x0 = labelW + 20;
  for (const e of f.edges) {
    const y1 = y(e.from);
    const y2 = y(e.to);
    const r = Math.abs(e.from - e.to) * 9 + 10;
    const cls = `e${e.forward ? ' f' : ''}${e.deferred ? ' d' : ''}`;
    const title = `${f.nodes[e.from].name} uses ${e.objects.map((o) => o.name).join(', ')} from ${f.nodes[e.to].name}${e.forward ? ' — created LATER' : ''}`;
    parts.push(`<path class="${cls}" d="M${x0},${y1} C${x0 + r},${y1} ${x0 + r},${y2} ${x0 + 4},${y2}" marker-end="url(#${e.forward ? 'af' : 'a'})"><title>${esc(title)}</title></path>`);
  }
  for (const n of f.nodes) {
    const bad = n.errors > 0;
    parts.push(`<g class="node" data-uri="${esc(n.uri)}" style="cursor:pointer"><circle cx="${x0}" cy="${y(n.index)}" r="4" class="${bad ? 'bad' : 'dot'}"/><text class="n" x="${labelW + 10}" y="${y(n.index) + 4}" text-anchor="end">${esc(n.name)}${n.errors ? ` (${n.errors}✖)` : ''}${n.warnings ? ` (${n.warnings}⚠)` : ''}</text></g>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

function html(svgs: string[], csp: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${csp} 'unsafe-inline'; script-src 'unsafe-inline';">
<style>body{padding:12px;color:var(--vscode-foreground);font-family:var(--vscode-font-family)} button{margin-right:8px} .legend{margin:8px 0 12px;opacity:.85}</style></head>
<body><div><button id="svg">Export SVG…</button><button id="mmd">Export Mermaid…</button></div>
<div class="legend">Migrations in apply order. Arcs point from a migration to the one whose objects it uses; <span style="color:#d33">red arcs</span> are forward dependencies (created later: the migration fails). Dashed: only inside function bodies. Click a migration to open it.</div>
${svgs.join('<hr>')}
<script>const vscode=acquireVsCodeApi();
document.getElementById('svg').onclick=()=>vscode.postMessage({type:'export',format:'svg'});
document.getElementById('mmd').onclick=()=>vscode.postMessage({type:'export',format:'mermaid'});
document.querySelectorAll('g.node').forEach(g=>g.addEventListener('click',()=>vscode.postMessage({type:'open',uri:g.dataset.uri})));</script>
</body></html>`;
}
