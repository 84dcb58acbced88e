/**
 * "Migration Dependencies" tree, fed by one request: migrations in apply order; under each, the migrations
 * it depends on (forward edges flagged) with the objects behind each edge, and the migrations that use it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DependencyGraphRequest, DependencyGraphResult, GraphEdgeDto, GraphNodeDto, MigrationFolderGraphDto } from '../../server/src/protocol';

export type TreeNode =
  | { type: 'folder'; folder: MigrationFolderGraphDto }
  | { type: 'migration'; folder: MigrationFolderGraphDto; node: GraphNodeDto }
  | { type: 'group'; folder: MigrationFolderGraphDto; node: GraphNodeDto; direction: 'uses' | 'usedBy' }
  | { type: 'edge'; folder: MigrationFolderGraphDto; node: GraphNodeDto; edge: GraphEdgeDto; direction: 'uses' | 'usedBy' }
  | { type: 'object'; edge: GraphEdgeDto; name: string; location?: { uri: string; range: { start: { line: number; character: number } } }; parent: TreeNode };

export class DependencyTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private data: DependencyGraphResult | undefined;
  private loading: Promise<DependencyGraphResult | undefined> | undefined;
  private view: vscode.TreeView<TreeNode> | undefined;
  private readonly migrationNodes = new Map<string, TreeNode>();
  onlyProblems = false;

  constructor(private readonly client: LanguageClient) {}

  attach(view: vscode.TreeView<TreeNode>): void {
    this.view = view;
  }

  refresh(): void {
    this.data = undefined;
    this.loading = undefined;
    this.emitter.fire(undefined);
  }

  setOnlyProblems(on: boolean): void {
    this.onlyProblems = on;
    void vscode.commands.executeCommand('setContext', 'supabaseMigrations.onlyProblems', on);
    if (this.view) this.view.description = on ? 'only problems' : undefined;
    this.emitter.fire(undefined);
  }

  private async graph(): Promise<DependencyGraphResult | undefined> {
    if (this.data) return this.data;
    this.loading ??= this.client.sendRequest(DependencyGraphRequest, {}).then(
      (g) => (this.data = g),
      () => undefined,
    );
    return this.loading;
  }

  private hasProblem(folder: MigrationFolderGraphDto, n: GraphNodeDto): boolean {
    return n.errors > 0 || n.warnings > 0 || folder.edges.some((e) => e.forward && (e.from === n.index || e.to === n.index));
  }

  private migrationNode(folder: MigrationFolderGraphDto, node: GraphNodeDto): TreeNode {
    const n: TreeNode = { type: 'migration', folder, node };
    this.migrationNodes.set(node.uri, n);
    return n;
  }

  async getChildren(element?: TreeNode): Promise<TreeNode[]> {
    const g = await this.graph();
    if (!g) return [];
    if (!element) {
      if (g.folders.length === 1) return this.migrations(g.folders[0]);
      return g.folders.map((folder) => ({ type: 'folder', folder }));
    }
    switch (element.type) {
      case 'folder':
        return this.migrations(element.folder);
      case 'migration': {
        const out: TreeNode[] = [];
        for (const e of element.folder.edges.filter((x) => x.from === element.node.index)) out.push({ type: 'edge', folder: element.folder, node: element.node, edge: e, direction: 'uses' });
        if (element.folder.edges.some((x) => x.to === element.node.index)) out.push({ type: 'group', folder: element.folder, node: element.node, direction: 'usedBy' });
        return out;
      }
      case 'group':
        return element.folder.edges.filter((x) => x.to === element.node.index).map((e) => ({ type: 'edge', folder: element.folder, node: element.node, edge: e, direction: 'usedBy' }));
      case 'edge':
        return element.edge.objects.map((o) => ({ type: 'object', edge: element.edge, name: o.name, location: element.direction === 'uses' ? o.location : o.use, parent: element }));
      default:
        return [];
    }
  }

  private migrations(folder: MigrationFolderGraphDto): TreeNode[] {
    return folder.nodes.filter((n) => !this.onlyProblems || this.hasProblem(folder, n)).map((n) => this.migrationNode(folder, n));
  }

  getParent(element: TreeNode): TreeNode | undefined {
    switch (element.type) {
      case 'migration':
        return this.data && this.data.folders.length > 1 ? { type: 'folder', folder: element.folder } : undefined;
      case 'group':
        return this.migrationNodes.get(element.node.uri);
      case 'edge':
        return element.direction === 'uses' ? this.migrationNodes.get(element.node.uri) : { type: 'group', folder: element.folder, node: element.node, direction: 'usedBy' };
      case 'object':
        return element.parent;
      default:
        return undefined;
    }
  }

  getTreeItem(element: TreeNode): vscode.TreeItem {
    switch (element.type) {
      case 'folder': {
        const item = new vscode.TreeItem(vscode.workspace.asRelativePath(vscode.Uri.parse(element.folder.folderUri)), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('folder');
        return item;
      }
      case 'migration': {
        const n = element.node;
        const deps = element.folder.edges.filter((e) => e.from === n.index).length;
        const item = new vscode.TreeItem(n.name, deps || element.folder.edges.some((e) => e.to === n.index) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = n.uri;
        item.resourceUri = vscode.Uri.parse(n.uri);
        const forward = element.folder.edges.some((e) => e.forward && e.from === n.index && !e.deferred);
        item.iconPath = migrationIcon(n, forward);
        const parts = [`#${n.index + 1}`];
        // team workflow: what the git base does not have yet
        if (n.outOfOrder) parts.push('new on this branch, out of order');
        else if (n.newOnBranch) parts.push('new on this branch');
        if (n.errors) parts.push(`${n.errors} error${n.errors === 1 ? '' : 's'}`);
        if (n.warnings) parts.push(`${n.warnings} warning${n.warnings === 1 ? '' : 's'}`);
        item.description = parts.join(' · ');
        const base = element.folder.base;
        const branch = n.outOfOrder
          ? `\n\n⚠️ New on this branch (not in ${base}) and older than its newest migration: \`db push\` refuses it — re-stamp it (Quick Fix)`
          : n.newOnBranch
            ? `\n\nNew on this branch (not in ${base})`
            : '';
        item.tooltip = new vscode.MarkdownString(`**${n.name}**\n\nApplied #${n.index + 1} (version ${n.version})${forward ? '\n\n⚠️ Uses objects that a later migration creates' : ''}${branch}`);
        item.command = { command: 'vscode.open', title: 'Open migration', arguments: [vscode.Uri.parse(n.uri)] };
        item.contextValue = 'migration';
        return item;
      }
      case 'group': {
        const count = element.folder.edges.filter((e) => e.to === element.node.index).length;
        const item = new vscode.TreeItem(`Used by (${count})`, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon('references');
        return item;
      }
      case 'edge': {
        const e = element.edge;
        const other = element.folder.nodes[element.direction === 'uses' ? e.to : e.from];
        const item = new vscode.TreeItem(other.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${e.objects.length} object${e.objects.length === 1 ? '' : 's'}${e.forward ? ' · created later!' : ''}${e.deferred ? ' · in function bodies' : ''}`;
        item.iconPath = e.forward && !e.deferred ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon(element.direction === 'uses' ? 'arrow-right' : 'arrow-left');
        item.tooltip = new vscode.MarkdownString(
          e.forward
            ? `⚠️ **Forward dependency**: ${element.folder.nodes[e.from].name} uses ${e.objects.map((o) => `\`${o.name}\``).join(', ')}, which ${element.folder.nodes[e.to].name} creates — but it runs later${e.deferred ? ' (only inside function bodies: fails when called before)' : ''}.`
            : `${element.folder.nodes[e.from].name} uses ${e.objects.map((o) => `\`${o.name}\``).join(', ')} from ${element.folder.nodes[e.to].name}.`,
        );
        item.command = { command: 'vscode.open', title: 'Open migration', arguments: [vscode.Uri.parse(other.uri)] };
        item.contextValue = e.forward ? 'forwardEdge' : 'edge';
        return item;
      }
      case 'object': {
        const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('symbol-field');
        if (element.location) {
          const pos = new vscode.Position(element.location.range.start.line, element.location.range.start.character);
          item.command = { command: 'vscode.open', title: 'Go to statement', arguments: [vscode.Uri.parse(element.location.uri), { selection: new vscode.Range(pos, pos) }] };
        }
        return item;
      }
    }
  }

  /** Select the migration of this file in the tree (when the view is visible). */
  async reveal(uri: vscode.Uri): Promise<void> {
    if (!this.view?.visible) return;
    await this.getChildren();
    const node = this.migrationNodes.get(uri.toString());
    if (node) await this.view.reveal(node, { select: true, focus: false, expand: false }).then(undefined, () => undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

/**
 * A migration's icon: its worst problem; out-of-order (team workflow) a warning sign in the colour of its
 * severity; a clean migration new on this branch the "added" sign; else a check.
 */
function migrationIcon(n: GraphNodeDto, forward: boolean): vscode.ThemeIcon {
  if (n.outOfOrder) return new vscode.ThemeIcon('warning', new vscode.ThemeColor(n.errors ? 'problemsErrorIcon.foreground' : 'problemsWarningIcon.foreground'));
  if (n.errors) return new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'));
  if (n.warnings || forward) return new vscode.ThemeIcon('warning', new vscode.ThemeColor(n.warnings ? 'problemsWarningIcon.foreground' : 'testing.iconPassed'));
  if (n.newOnBranch) return new vscode.ThemeIcon('diff-added', new vscode.ThemeColor('gitDecoration.addedResourceForeground'));
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}
