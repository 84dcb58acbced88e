/**
 * Status bar item: indexing / N problems, the PostgreSQL version assumed and the git base the folders are
 * compared with (team workflow); click opens the Problems panel.
 */
import * as vscode from 'vscode';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('supabaseMigrations.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Supabase Migrations';
    this.item.command = 'workbench.actions.view.problems';
    this.update(0, true);
    this.item.show();
  }

  /**
   * `postgres`: per migrations folder, the PostgreSQL version it is analysed for and what said so. `bases`: the
   * git bases compared with (`origin/main@abc1234`), none when the comparison is off or git cannot say.
   */
  update(problems: number, indexing: boolean, postgres: string[] = [], bases: string[] = []): void {
    if (indexing) {
      this.item.text = '$(sync~spin) Migrations: indexing';
      this.item.tooltip = 'Supabase Migrations is reading every migration';
      return;
    }
    const versions = [...new Set(postgres.map((p) => /PostgreSQL (\d+)/.exec(p)?.[1]).filter(Boolean))];
    const pg = versions.length ? ` · PG ${versions.join('/')}` : '';
    const base = bases.length === 1 ? ` · base ${bases[0]}` : bases.length > 1 ? ` · ${bases.length} bases` : '';
    this.item.text = (problems ? `$(database) Migrations: ${problems} problem${problems === 1 ? '' : 's'}` : '$(database) Migrations: ok') + pg + base;
    const tip = problems ? 'Errors and warnings found across the migrations folder — click for the Problems panel' : 'No problems across the migrations folder';
    const parsed = postgres.length ? `\n\nParsed as:\n${postgres.join('\n')}` : '';
    const compared = bases.length ? `\n\nCompared with (team workflow, setting supabaseMigrations.baseRef):\n${bases.join('\n')}` : '';
    this.item.tooltip = tip + parsed + compared;
    this.item.backgroundColor = problems ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
