// Debian's Chromium, driven by playwright-core: no browser download. The flags keep it off the network this machine
// does not have (background networking, updates, sync, QUIC) and let it run as root in a container.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'gorch-console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    newPage: async (options) => {
      const page = context.pages()[0] ?? (await context.newPage());
      if (options?.viewport) await page.setViewportSize(options.viewport);
      return page;
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One end-to-end script's run: a page in a fresh browser, `step` to run and report each step (ok, or FAILED with a
 * screenshot named `failureShot` in `shots`, which ends the run), and `finish(steps)` to run them all, close the
 * browser, print the verdict and exit non-zero on a failure.
 */
export async function e2eRun(title, shots, failureShot) {
  mkdirSync(shots, { recursive: true });
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(60_000);
  let failed = false;

  async function step(name, body) {
    const started = Date.now();
    try {
      await body();
      console.log(`ok ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed = true;
      console.log(`FAILED ${name}: ${error.message} (at ${page.url()})`);
      await page.screenshot({ path: join(shots, failureShot), fullPage: true }).catch(() => {});
      throw error;
    }
  }

  async function finish(steps) {
    try {
      await steps();
    } catch {
      // reported by step
    } finally {
      await browser.close();
    }
    console.log(failed ? `${title}: FAILED` : `${title}: all steps passed`);
    process.exit(failed ? 1 : 0);
  }

  return { page, step, finish };
}
