// End-to-end test of the console's sign-in in mode jwt, in Debian's headless Chromium. Run by system-tests'
// ConsoleSignInBrowserTest against an API in mode jwt and its OpenID Connect issuer (a login form, one user):
//   BASE_URL=http://127.0.0.1:8080 USERNAME=alice PASSWORD=… node e2e/console-signin.e2e.mjs
// Prints one line per step and exits non-zero on the first failure.
import { join } from 'node:path';
import { e2eRun } from './browser.mjs';

const base = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
const shots = process.env.SCREENSHOTS ?? 'target/screenshots';
const hello = JSON.stringify({ name: 'signed in', edges: [], nodes: [{ id: 0, name: 'hello', engine: 'nil' }] });

const { page, step, finish } = await e2eRun('console sign-in e2e', shots, 'signin-failure.png');

await finish(async () => {
  await step("opening the console leads to the issuer's login form", async () => {
    await page.goto(`${base}/#/submit`);
    await page.waitForSelector('input[name="username"]');
    if (page.url().startsWith(base)) throw new Error('still on the console');
  });

  await step('signing in comes back to the page asked for, signed in, without the code in the address', async () => {
    await page.fill('input[name="username"]', process.env.USERNAME);
    await page.fill('input[name="password"]', process.env.PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('#signed-in');
    const who = await page.textContent('#signed-in');
    if (who !== `Signed in as ${process.env.USERNAME}`) throw new Error(`the header says: ${who}`);
    if (!page.url().endsWith('/#/submit') || page.url().includes('code=')) throw new Error(`address ${page.url()}`);
    const stored = await page.evaluate(() => [sessionStorage.length, localStorage.length]);
    if (stored[0] !== 1 || stored[1] !== 0) throw new Error(`session/local storage items: ${stored}`);
  });

  await step('a run submitted with the token is followed live to success, and listed', async () => {
    await page.fill('#document', hello);
    await page.waitForSelector('#verdict[data-verdict="valid"]');
    await page.click('#submit');
    await page.waitForURL(/#\/runs\/.+/);
    const id = decodeURIComponent(page.url().replace(/^.*#\/runs\//, ''));
    await page.waitForSelector('.run-summary[data-state="success"]');
    await page.goto(`${base}/#/`);
    await page.waitForSelector(`tr[data-id="${id}"][data-state="success"]`);
    await page.screenshot({ path: join(shots, 'console-signed-in.png') });
  });

  await step("signing out ends the issuer's session: the console asks for a login again", async () => {
    await page.click('#sign-out');
    await page.waitForSelector('input[name="username"]');
  });
});
