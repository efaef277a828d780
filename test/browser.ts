// Shared set-up of the Chromium tests in src/server/browser*.test.ts: where Chromium and the built UI are,
// the launch flags, and the UI build check, so the three files cannot drift apart.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const WEB_ROOT = path.join(ROOT, 'web/dist');
export const CHROMIUM = process.env.TRIANGULATE_CHROMIUM ?? '/usr/bin/chromium';
/** Headless, no sandbox (containers), and no background requests: a test must never reach the network. */
export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** How long a browser action or wait may take before it fails (Playwright's default is 30 s). */
export const BROWSER_TIMEOUT_MS = 60_000;
/** Why the browser tests skip on this machine, or null when Chromium is there. */
export const CHROMIUM_SKIP = !existsSync(CHROMIUM) ? `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium)` : null;

/** The UI is built by `npm install`; rebuilt here when a source file is newer than the build. */
export async function ensureWebBuilt(): Promise<void> {
  const built = path.join(WEB_ROOT, 'index.html');
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)));
  if (existsSync(built) && statSync(built).mtimeMs >= newest(path.join(ROOT, 'web/src'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), root: path.join(ROOT, 'web'), logLevel: 'warn' });
}

/**
 * Chromium in a persistent context on a fresh profile folder (a new --user-data-dir every run); `close`
 * closes it and removes the folder.
 */
export async function launchChromium(options: { viewport: { width: number; height: number }; acceptDownloads?: boolean }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'triangulate-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, ...options });
  // Playwright's default of 30 s per wait is tight for a page whose dossier is built on a loaded 2-core CI
  // machine; a deadline against hanging, not a timing claim.
  context.setDefaultTimeout(BROWSER_TIMEOUT_MS);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Collects page errors and console errors, so a test can fail on them (a broken UI must not pass quietly). */
export function watchErrors(page: import('playwright-core').Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  return errors;
}
