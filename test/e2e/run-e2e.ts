/**
 * End to end, as a person would: installs the packaged supabase-migrations.vsix (`npm run package`) into
 * code-server, opens a copy of examples/seed, and drives the workbench in headless Chromium — the Problems
 * panel, the hover, the Quick Fix menu (Ctrl+.), the Migration Dependencies tree — checking what is shown
 * and what happens on disk, and saving screenshots to docs/images/.
 *
 *   npm run test:e2e        (or: tsx test/e2e/run-e2e.ts [--vsix file] [--images dir] [--keep])
 * The sandbox (code-server profile, workspace copy) is removed on success and kept on failure.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { installVsix, launchBrowser, log, makeSandbox, newPage, REPO, requireCodeServer, startCodeServer, workbenchUrl } from '../../scripts/vscode/codeServer';

const POLICIES = '20251229000000_tenant_llm_policies.sql';
const RENAMED = '20260105000003_tenant_llm_policies.sql';
const TENANTS = '20260105000000_multi_tenant_user_model.sql';
const MIGRATIONS = ['20251201000000_initial_schema.sql', POLICIES, TENANTS, '20260105000001_tenant_member_policies.sql', '20260105000002_tenant_overview_view.sql'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}
/** Where the screenshots go: docs/images (the README's pictures) unless --images <dir>. */
const IMAGES = path.resolve(arg('--images', path.join(REPO, 'docs/images')));

/**
 * The .vsix holds the bundles, the parser's WASM (PostgreSQL 18's, and 15's and 17's grammars), the grammar, the icon and the docs — plus, for Verify, the CLI, its
 * worker, the Supabase shim and the embedded Postgres (PGlite under dist/node_modules) — and nothing else.
 */
function checkVsix(vsix: string): void {
  const listing = execFileSync('unzip', ['-Z1', vsix], { encoding: 'utf8' }).trim().split('\n');
  const files = listing.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).sort();
  const core = files.filter((f) => !f.startsWith('dist/node_modules/@electric-sql/') && !f.startsWith('dist/catalog/'));
  assert.deepEqual(core, ['LICENSE.txt', 'changelog.md', 'dist/cli.js', 'dist/extension.js', 'dist/libpg-query-15.wasm', 'dist/libpg-query-17.wasm', 'dist/libpg-query.wasm', 'dist/server.js', 'dist/verify-worker.js', 'media/icon.svg', 'package.json', 'readme.md', 'syntaxes/postgres-injection.tmLanguage.json']);
  assert.ok(files.includes('dist/catalog/supabase-platform.sql'), 'the Supabase shim for Verify');
  assert.ok(files.includes('dist/node_modules/@electric-sql/pglite/package.json') && files.some((f) => /pglite\/dist\/.*\.wasm$/.test(f)), 'PGlite for Verify');
  assert.ok(!listing.some((f) => /\.map$|\.d\.ts$|(^|\/)test\/|server\/src|client\/src/.test(f)), 'no sources, maps or tests');
  assert.ok(!listing.some((f) => /^extension\/node_modules\//.test(f)), 'no node_modules at the top');
  const kb = statSync(vsix).size / 1024;
  assert.ok(kb < 12 * 1024, `the .vsix stays small (${kb.toFixed(0)} KB; PGlite is ~7.5 MB of it)`);
  const ext = execFileSync('unzip', ['-p', vsix, 'extension/dist/extension.js'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.ok(!ext.includes('sourceMappingURL'), 'production bundle: no source maps');
  assert.ok(ext.length / ext.split('\n').length > 2000, 'production bundle: minified');
  log(`vsix ok: ${files.length} files, ${kb.toFixed(0)} KB`);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(400); // let animations (hover fade-in, list rendering) settle
  await page.screenshot({ path: path.join(IMAGES, name) });
  log(`screenshot docs/images/${name}`);
}

async function waitForText(l: Locator, re: RegExp, what: string, timeout = 30_000): Promise<string> {
  const end = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await l.allInnerTexts().catch(() => [])).join('\n');
    if (re.test(last)) return last;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${re}); saw:\n${last.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(name);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click();
  await page.locator('.tabs-container .tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
}

async function goTo(page: Page, line: number, col: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function main(): Promise<number> {
  const t0 = Date.now();
  requireCodeServer();
  mkdirSync(IMAGES, { recursive: true });
  const vsix = path.resolve(arg('--vsix', path.join(REPO, 'supabase-migrations.vsix')));
  if (!existsSync(vsix)) throw new Error(`${vsix} missing: run npm run package`);
  checkVsix(vsix);
  const box = makeSandbox('sbm-e2e-');
  installVsix(vsix, box.extensions, box.userData);
  assert.ok(readdirSync(box.extensions).some((d) => d.startsWith('supabase-migrations.supabase-migrations-')), 'installed into the extensions dir');
  const mig = (n: string) => path.join(box.workspace, 'supabase/migrations', n);
  const cs = await startCodeServer(box);
  const browser = await launchBrowser();
  const consoleLines: string[] = [];
  const page = await newPage(browser, consoleLines);
  let step = 'start';
  let ok = false;
  try {
    step = 'workbench';
    await page.goto(workbenchUrl(cs.port, box.workspace));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const status = page.locator('.statusbar-item', { hasText: 'Migrations:' });
    await waitForText(status, /Migrations: 3 problems/, 'the status bar item (3 problems)', 60_000);
    log(`workbench up, extension active (${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    step = 'problems';
    await openFile(page, POLICIES);
    await goTo(page, 17, 24);
    await page.keyboard.press('Control+Shift+M');
    const problems = page.locator('.markers-panel');
    const ptext = await waitForText(problems, /created by a later migration[\s\S]*Did you mean copilot_internal\.tenants\?|Did you mean copilot_internal\.tenants\?[\s\S]*created by a later migration/, 'the Problems panel');
    assert.match(ptext, /tenant_id looks like a reference to copilot_internal\.tenants/);
    assert.match(ptext, /\[Ln 17, Col 24\]/);
    assert.match(ptext, /\[Ln 5, Col 3\]/);
    // the squiggles in the editor
    assert.ok((await page.locator('.editor-instance .squiggly-error').count()) >= 1, 'an error squiggle in the editor');
    assert.ok((await page.locator('.editor-instance .squiggly-warning').count()) >= 1, 'a warning squiggle in the editor');
    await shot(page, 'problems.png');

    step = 'hover';
    await page.keyboard.press('Control+J'); // hide the panel: room for the hover
    await page.locator('.editor-instance .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
    await goTo(page, 17, 30);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const hover = page.locator('.monaco-hover:visible');
    const htext = await waitForText(hover, /copilot_internal\.tenants[\s\S]*owner_id/, 'the hover with the columns');
    assert.match(htext, /Created in 20260105000000_multi_tenant_user_model\.sql/);
    assert.match(htext, /Not created yet at this point/);
    // scroll the hover to its column table (the forward-reference message comes first)
    const hb = (await hover.first().boundingBox())!;
    await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(150);
    }
    await hover.first().locator('table').first().waitFor({ state: 'visible' });
    await shot(page, 'hover.png');
    await page.keyboard.press('Escape');

    step = 'tree';
    await page.locator('.activitybar .action-item a[aria-label^="Supabase Migrations"]').click();
    // a wider side bar, so that the migration names are not cut off
    const sidebar = (await page.locator('.part.sidebar').boundingBox())!;
    await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
    await page.mouse.down();
    await page.mouse.move(sidebar.x + 560, sidebar.y + 300, { steps: 8 });
    await page.mouse.up();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Migration Dependencies' }) });
    const rows = view.locator('.monaco-list-row');
    const ttext = await waitForText(rows, new RegExp(MIGRATIONS.map((m) => m.replace(/\./g, '\\.')).join('[\\s\\S]*')), 'the 5 migrations in order in the tree');
    assert.match(ttext, /#2 · 1 error · 1 warning/);
    await rows.filter({ hasText: POLICIES }).first().click(); // opens the migration
    await page.keyboard.press('ArrowRight'); // expand: the forward edge to the tenants migration
    await waitForText(rows, new RegExp(`${TENANTS.replace(/\./g, '\\.')}\\s*1 object · created later!`), 'the forward edge under the policies migration');
    // expand the forward edge by its twistie (a click on the label would open the tenants migration)
    await rows.filter({ hasText: 'created later!' }).first().locator('.monaco-tl-twistie').click();
    await waitForText(rows, /created later![\s\S]*copilot_internal\.tenants/, 'the object behind the forward edge');
    await shot(page, 'tree.png');

    step = 'quick fix';
    await openFile(page, POLICIES);
    await goTo(page, 17, 30);
    await page.keyboard.press('Control+Period');
    const menu = page.locator('.action-widget');
    const mtext = await waitForText(menu, /Rename to 20260105000003_tenant_llm_policies\.sql/, 'the Quick Fix menu');
    assert.match(mtext, /runs after 20260105000000_multi_tenant_user_model\.sql/);
    await shot(page, 'quick-fix.png');
    // the preferred fix is focused first; Enter applies it, as with the keyboard in the editor
    await waitForText(menu.locator('.monaco-list-row.focused'), /^Rename to/, 'the rename focused in the menu', 5_000);
    await page.keyboard.press('Enter');
    const end = Date.now() + 20_000;
    while (!(existsSync(mig(RENAMED)) && !existsSync(mig(POLICIES)))) {
      if (Date.now() > end) throw new Error('the file was not renamed on disk');
      await new Promise((r) => setTimeout(r, 200));
    }
    log('renamed on disk');
    await page.locator('.tabs-container .tab', { hasText: RENAMED }).waitFor();
    await waitForText(status, /Migrations: 2 problems/, 'the status bar after the fix (2 problems)');
    await page.keyboard.press('Control+Shift+M');
    const after = await waitForText(problems, /Did you mean copilot_internal\.tenants\?/, 'the Problems panel after the fix');
    assert.doesNotMatch(after, /created by a later migration/);
    assert.match(after, new RegExp(RENAMED.replace(/\./g, '\\.')));
    await shot(page, 'after-fix.png');

    log(`e2e passed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    console.log('e2e: 5 passed, 0 failed');
    ok = true;
    return 0;
  } catch (e) {
    await page.screenshot({ path: path.join(box.dir, 'failure.png') }).catch(() => undefined);
    console.log(`e2e failed at step "${step}": ${(e as Error).stack ?? e}`);
    console.log(`screenshot: ${path.join(box.dir, 'failure.png')}`);
    console.log('--- browser console (last 20) ---\n' + consoleLines.slice(-20).join('\n'));
    console.log('e2e: 0 passed, 1 failed');
    return 1;
  } finally {
    await browser.close().catch(() => undefined);
    await cs.stop();
    if (ok && !process.argv.includes('--keep')) rmSync(box.dir, { recursive: true, force: true });
  }
}
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    console.log('e2e: 0 passed, 1 failed');
    process.exit(1);
  },
);
