/** Status bar item: indexing / N problems; click opens the Problems panel. */
import * as vscode from 'vscode';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('supabaseMigrations.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Supabase Migrations';
    this.item.command = 'workbench.actions.view.problems';
    this.update(0, true);
    this.item.show();
  }

  update(problems: number, indexing: boolean): void {
    if (indexing) {
      this.item.text = '$(sync~spin) Migrations: indexing';
      this.item.tooltip = 'Supabase Migrations is reading every migration';
      return;
    }
    this.item.text = problems ? `$(database) Migrations: ${problems} problem${problems === 1 ? '' : 's'}` : '$(database) Migrations: ok';
    this.item.tooltip = problems ? 'Errors and warnings found across the migrations folder — click for the Problems panel' : 'No problems across the migrations folder';
    this.item.backgroundColor = problems ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }

  dispose(): void {
    this.item.dispose();
  }
}
