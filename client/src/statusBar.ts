/** Status bar item: indexing / N problems, and the PostgreSQL version assumed; click opens the Problems panel. */
import * as vscode from 'vscode';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('supabaseMigrations.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Supabase Migrations';
    this.item.command = 'workbench.actions.view.problems';
    this.update(0, true);
    this.item.show();
  }

  /** `postgres`: per migrations folder, the PostgreSQL version it is analysed for and what said so. */
  update(problems: number, indexing: boolean, postgres: string[] = []): void {
    if (indexing) {
      this.item.text = '$(sync~spin) Migrations: indexing';
      this.item.tooltip = 'Supabase Migrations is reading every migration';
      return;
    }
    const versions = [...new Set(postgres.map((p) => /PostgreSQL (\d+)/.exec(p)?.[1]).filter(Boolean))];
    const pg = versions.length ? ` · PG ${versions.join('/')}` : '';
    this.item.text = (problems ? `$(database) Migrations: ${problems} problem${problems === 1 ? '' : 's'}` : '$(database) Migrations: ok') + pg;
    const tip = problems ? 'Errors and warnings found across the migrations folder — click for the Problems panel' : 'No problems across the migrations folder';
    this.item.tooltip = postgres.length ? `${tip}\n\nParsed as:\n${postgres.join('\n')}` : tip;
    this.item.backgroundColor = problems ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
