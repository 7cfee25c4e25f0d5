// End-to-end test of the console in Debian's headless Chromium (playwright-core; it never downloads a browser).
// Run by system-tests' ConsoleBrowserTest against a running system:
//   BASE_URL=http://127.0.0.1:8080 EXAMPLE=/abs/seed-runnable.json SCREENSHOTS=dir node e2e/console.e2e.mjs
// Prints one line per step and exits non-zero on the first failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eRun } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const example = readFileSync(process.env.EXAMPLE ?? '../examples/seed-runnable.json', 'utf8');
const shots = process.env.SCREENSHOTS ?? 'target/screenshots';

const cycle = JSON.stringify({
  name: 'a cycle',
  edges: [[0, 1], [1, 2], [2, 0], [2, 3]],
  nodes: [
    { id: 0, name: 'fetch', engine: 'nil' },
    { id: 1, name: 'build', engine: 'nil' },
    { id: 2, name: 'test', engine: 'nil' },
    { id: 3, name: 'ship', engine: 'nil' },
  ],
}, null, 2);
const long = JSON.stringify({ name: 'long wait', edges: [], nodes: [{ id: 0, name: 'wait', engine: 'sleep', args: ['120s'] }] });

const { page, step, finish } = await e2eRun('console e2e', shots, 'failure.png');

async function submitFromPage(document) {
  await page.goto(`${base}/#/submit`);
  await page.fill('#document', document);
  await page.waitForSelector('#verdict[data-verdict="valid"]');
  await page.click('#submit');
  await page.waitForURL(/#\/runs\/.+/);
  return decodeURIComponent(page.url().replace(/^.*#\/runs\//, ''));
}

await finish(async () => {
  await step('a cycle is refused on the Submit page before submitting', async () => {
    await page.goto(`${base}/#/submit`);
    await page.fill('#document', cycle);
    await page.waitForSelector('#verdict[data-verdict="invalid"]');
    await page.waitForSelector('#violations li[data-field="edges"]');
    const text = await page.textContent('#violations');
    if (!/cycle/.test(text)) throw new Error(`no cycle among the violations: ${text}`);
    const onCycle = await page.locator('.node.invalid').count();
    if (onCycle !== 3) throw new Error(`${onCycle} nodes marked on the cycle, expected 3`);
    if ((await page.locator('.edge.in-cycle').count()) !== 3) throw new Error('the cycle edges are not highlighted');
    if (!(await page.isDisabled('#submit'))) throw new Error('Submit is enabled for a document with a cycle');
    await page.screenshot({ path: join(shots, 'console-submit-violation.png') });
  });

  let id;
  await step('the seed example submitted from the Submit page turns to success live', async () => {
    id = await submitFromPage(example);
    await page.waitForSelector('#graph .node[data-id="7"]');
    // mid-way: some nodes done, some not yet; the page is never reloaded, so this is the event stream at work
    await page.waitForFunction(() => document.querySelectorAll('#graph .node[data-state="success"]').length >= 2);
    await page.screenshot({ path: join(shots, 'console-run.png') });
    await page.waitForFunction(() => document.querySelectorAll('#graph .node[data-state="success"]').length === 8);
    await page.waitForSelector('.run-summary[data-state="success"]');
  });

  await step("a node's log opens", async () => {
    await page.click('#graph .node[data-id="7"]');
    await page.waitForSelector('#node-panel:not([hidden])');
    await page.waitForFunction(() => /step h: 0\.1 hello/.test(document.querySelector('#logs')?.textContent ?? ''));
    await page.click('#graph .node[data-id="2"]');
    // the panel is redrawn for the clicked node a moment after the click: wait for it rather than read it at once
    await page.waitForFunction(() => /ip_address=10\.0\.0\.7/.test(document.querySelector('#node-panel .args')?.textContent ?? ''),
        null, { timeout: 15000 })
      .catch(async () => { throw new Error(`get_attribute not resolved: ${await page.textContent('#node-panel .args')}`); });
  });

  await step('the run is in the Runs list with live counters', async () => {
    await page.goto(`${base}/#/`);
    await page.waitForSelector(`tr[data-id="${id}"][data-state="success"]`);
    await page.waitForSelector('.counters li[data-state="success"]');
  });

  await step('a long run canceled from its page turns canceled', async () => {
    await submitFromPage(long);
    await page.waitForSelector('#graph .node[data-state="running"]');
    await page.click('#cancel');
    await page.waitForSelector('#graph .node[data-state="canceled"]');
    await page.waitForSelector('.run-summary[data-state="canceled"]');
  });
});
