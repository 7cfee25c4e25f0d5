// Measures the console drawing big graphs in Debian's headless Chromium: `npm run build && npm run bench`.
// Serves dist/ itself (no API needed) and opens #/bench?n=N: a synthetic layered DAG in the sparse edges form.
// Prints, per size, the time from the start of the layout to the second frame after drawing, three runs each,
// then for the summary view the time to find a node by name and zoom to it.
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { launch } from './browser.mjs';

const dist = new URL('../dist/', import.meta.url).pathname;
if (!existsSync(join(dist, 'index.html'))) {
  console.error('build the console first: npm run build');
  process.exit(1);
}
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
page.setDefaultTimeout(60_000);
// The renderer's main-thread task time (Chrome's own metric): what the page cost, apart from waiting for a busy machine.
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
async function taskMillis() {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
}
const sizes = (process.env.SIZES ?? '1000,10000').split(',').map(Number);
try {
  for (const n of sizes) {
    const runs = [];
    const busy = [];
    const layouts = [];
    let kind = '';
    for (let run = 0; run < 3; run++) {
      await page.goto('about:blank');
      const before = await taskMillis();
      await page.goto(`${base}/#/bench?n=${n}`);
      await page.waitForSelector('#bench[data-ms]');
      busy.push(Math.round((await taskMillis()) - before));
      runs.push(Number(await page.getAttribute('#bench', 'data-ms')));
      layouts.push(Number(await page.getAttribute('#bench', 'data-layout-ms')));
      kind = `${await page.getAttribute('#bench', 'data-kind')} layout, ${await page.getAttribute('#bench', 'data-drawing')}`;
    }
    let find = '';
    if (kind.endsWith('canvas')) {
      await page.fill('#node-search', `n${n - 1}`);
      await page.press('#node-search', 'Enter');
      await page.waitForSelector('#found[data-ms]');
      find = `, find n${n - 1} and zoom to it ${await page.getAttribute('#found', 'data-ms')} ms`;
    }
    console.log(`${n} nodes (${kind}): laid out and drawn in ${runs.join(' / ')} ms (median ${runs.sort((a, b) => a - b)[1]} ms); `
      + `layout alone ${layouts.join(' / ')} ms; renderer main thread busy ${busy.join(' / ')} ms${find}`);
  }
} finally {
  await browser.close();
  server.close();
}
