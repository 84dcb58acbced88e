/**
 * The README's picture of the team workflow in the editor (docs/images/team-out-of-order.png): a copy of
 * examples/seed made a git repository whose `main` has the five migrations, a feature branch with a migration
 * older than main's newest, and the extension of this folder (as an Extension Development Host) in code-server.
 * Shows the out-of-order error, the Quick Fix menu with the re-stamp, the Migration Dependencies view marking the
 * branch's migration and the status bar's base. Needs `npm run build` and code-server
 * (scripts/vscode/install-code-server.sh).
 *
 *   tsx scripts/vscode/screenshot-team-workflow.ts [--out docs/images/team-out-of-order.png] [--keep]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, log, makeSandbox, newPage, REPO, requireCodeServer, startCodeServer, workbenchUrl } from './codeServer';

const FEATURE = '20260104000000_feature_notes.sql';
const SQL = '-- notes for the new feature\ncreate table public.feature_notes (\n  id bigint primary key,\n  body text not null\n);\n';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function waitForText(l: Locator, re: RegExp, what: string, timeout = 60_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await l.allInnerTexts().catch(() => [])).join('\n');
    if (re.test(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${re}); saw:\n${last.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function quickOpen(page: Page, keys: string, text: string): Promise<void> {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
}

async function main(): Promise<void> {
  const out = path.resolve(arg('--out', path.join(REPO, 'docs/images/team-out-of-order.png')));
  requireCodeServer();
  const box = makeSandbox('sbm-shot-');
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Screenshot', '-c', 'user.email=screenshot@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: box.workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  git('-c', 'init.defaultBranch=main', 'init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'the five migrations');
  git('checkout', '-q', '-b', 'feature/notes');
  writeFileSync(path.join(box.workspace, 'supabase/migrations', FEATURE), SQL);
  const cs = await startCodeServer(box);
  const browser = await launchBrowser();
  const consoleLines: string[] = [];
  try {
    const page = await newPage(browser, consoleLines);
    await page.goto(workbenchUrl(cs.port, box.workspace, [['extensionDevelopmentPath', REPO]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await waitForText(page.locator('.statusbar-item', { hasText: 'Migrations:' }), /base main@[0-9a-f]{7}/, 'the status bar with the base');

    // the Migration Dependencies view, wide enough for the names and the marks
    await page.locator('.activitybar .action-item a[aria-label^="Supabase Migrations"]').click();
    const sidebar = (await page.locator('.part.sidebar').boundingBox())!;
    await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + 600, sidebar.y + 300, { steps: 8 });
    await page.mouse.up();
    const rows = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Migration Dependencies' }) }).locator('.monaco-list-row');
    await waitForText(rows, /new on this branch, out of order/, 'the tree marking the branch\'s migration');

    // the file, its error in the Problems panel, and the Quick Fix menu
    await quickOpen(page, 'Control+P', FEATURE);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: FEATURE }).first().click();
    await page.locator('.tabs-container .tab.active', { hasText: FEATURE }).waitFor();
    await page.keyboard.press('Control+Shift+M');
    await waitForText(page.locator('.markers-panel'), /db push. will refuse it/, 'the out-of-order error in the Problems panel');
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await quickOpen(page, 'Control+G', ':1:1');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await page.keyboard.press('Control+Period');
    try {
      await waitForText(page.locator('.action-widget'), /Rename to \d{14}_feature_notes\.sql/, 'the Quick Fix menu with the re-stamp', 20_000);
    } catch (e) {
      // the picture without the menu still shows the finding, the tree and the base
      log(`no Quick Fix menu: ${(e as Error).message.split('\n')[0]}`);
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(500);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    log(`screenshot ${path.relative(REPO, out)}`);
  } catch (e) {
    console.log('--- browser console (last 20) ---\n' + consoleLines.slice(-20).join('\n'));
    throw e;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    if (!process.argv.includes('--keep')) rmSync(box.dir, { recursive: true, force: true });
    else log(`kept ${box.dir}`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
