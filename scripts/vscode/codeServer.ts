/**
 * Starting code-server (VS Code 1.100 in the browser, with a real Node extension host) and headless Debian
 * Chromium for the in-editor suite and the end-to-end test. See /work/shared/TESTING.md for the recipe.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, Browser, Page } from 'playwright-core';

export const REPO = path.resolve(__dirname, '../..');
export const CODE_SERVER = path.join(REPO, '.vscode-test/code-server/node_modules/.bin/code-server');
export const CHROMIUM = process.env.SBM_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export function log(msg: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A temp folder with user-data, extensions and a copy of examples/seed as the workspace. */
export function makeSandbox(prefix: string): { dir: string; userData: string; extensions: string; workspace: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const userData = path.join(dir, 'user-data');
  const extensions = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'seed');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  cpSync(path.join(REPO, 'examples/seed'), workspace, { recursive: true });
  // a quiet, predictable workbench: no welcome page, no trust prompt, no telemetry or update checks
  writeFileSync(
    path.join(userData, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'files.autoSave': 'off',
        'editor.minimap.enabled': false,
        'editor.hover.above': false,
        'workbench.colorTheme': 'Default Light Modern',
        'window.commandCenter': false,
        'chat.commandCenter.enabled': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
      },
      null,
      2,
    ),
  );
  return { dir, userData, extensions, workspace };
}

export function requireCodeServer(): void {
  if (!existsSync(CODE_SERVER)) throw new Error(`code-server not found at ${CODE_SERVER}: run scripts/vscode/install-code-server.sh`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium (or run scripts/vscode/install-code-server.sh)`);
}

export function installVsix(vsix: string, extensionsDir: string, userData: string): void {
  const r = spawnSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userData], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  log(r.stdout.trim().split('\n').pop() ?? 'installed');
}

export interface Running {
  port: number;
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts code-server on a free 127.0.0.1 port and waits until it answers. */
export async function startCodeServer(opts: { userData: string; extensions: string; workspace: string; env?: Record<string, string> }): Promise<Running> {
  const port = await freePort();
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--user-data-dir', opts.userData, '--extensions-dir', opts.extensions, opts.workspace];
  // own process group, so that stop() ends code-server and everything it started (extension host, server)
  const proc = spawn(CODE_SERVER, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  let out = '';
  proc.stdout!.on('data', (d) => (out += String(d)));
  proc.stderr!.on('data', (d) => (out += String(d)));
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((r) => proc.once('exit', () => r()));
    try {
      process.kill(-proc.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const t = setTimeout(() => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 3000);
    await gone;
    clearTimeout(t);
  };
  const end = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}):\n${out}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > end) {
      await stop();
      throw new Error(`code-server did not answer on port ${port} within 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { port, proc, output: () => out, stop };
}

/** The workbench URL for a folder; with `payload` entries (extensionDevelopmentPath, extensionTestsPath). */
export function workbenchUrl(port: number, folder: string, payload?: [string, string][]): string {
  const u = new URL(`http://127.0.0.1:${port}/`);
  u.searchParams.set('folder', folder);
  if (payload) u.searchParams.set('payload', JSON.stringify(payload.map(([k, v]) => [k, `vscode-remote://127.0.0.1:${port}${v}`])));
  return u.toString();
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser, consoleLines: string[]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
  return page;
}
