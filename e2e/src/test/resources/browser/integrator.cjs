// What an integrator does in a browser, driven by playwright-core in Debian's Chromium (SwaggerUiIT runs it):
// 1. in every Swagger UI given, every GET operation: Try it out -> Execute with the example values the spec gives,
//    and the response code Swagger UI shows;
// 2. from a page on another origin (a tiny HTTP server here), fetch() a recommendation from the gateway (CORS
//    read) and try a write with an editor token to the catalogue (CORS write from an origin not configured).
// Prints one line per operation, then "RESULT <json>" for the Java test.
const path = require('path');
const http = require('http');
const fs = require('fs');
const os = require('os');
const config = JSON.parse(process.argv[2]);
const { chromium } = require(path.join(config.nodeModules, 'playwright-core'));

const OPERATION_TIMEOUT = 8000;

// the specs a Swagger UI offers: several (the gateway's) have a selector at the top, one has none
async function specsOf(context, ui) {
  const page = await context.newPage();
  await page.goto(ui.url, { waitUntil: 'load' });
  await page.waitForSelector('.opblock, .topbar select', { timeout: 20000 });
  const specs = await page.$$eval('.topbar select option', (options) => options.map((o) => o.textContent.trim()));
  await page.close();
  return specs.length ? specs.map((spec) => ({ where: ui.name + '/' + spec,
    url: ui.url + '?urls.primaryName=' + encodeURIComponent(spec) })) : [{ where: ui.name, url: ui.url }];
}

// every GET operation of one spec in its Swagger UI: Try it out -> Execute -> the code shown
async function tryEveryGet(context, target) {
  const results = [];
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  await page.goto(target.url, { waitUntil: 'load' });
  await page.waitForSelector('.opblock', { timeout: 20000 });
  const where = target.where;
  const operations = page.locator('.opblock.opblock-get');
  const count = await operations.count();
  if (count === 0) results.push({ ui: where, operation: '(none)', status: null, ok: false, detail: 'no GET operation shown' });
  for (let i = 0; i < count; i++) {
    const operation = operations.nth(i);
    const name = 'GET ' + (await operation.locator('.opblock-summary-path').first().getAttribute('data-path'));
    const before = consoleErrors.length;
    const result = { ui: where, operation: name, status: null, ok: false, detail: '' };
    const started = Date.now();
    try {
      await operation.locator('.opblock-summary').first().click();
      await operation.locator('.try-out__btn').click();
      await operation.locator('button.execute').click();
      const status = operation.locator('.live-responses-table tbody .response-col_status').first();
      // the response Swagger UI shows, or the error it logs instead of sending (e.g. an example it cannot parse)
      // (a logged error may also be the browser reporting a 4xx: give the response a moment to show)
      let deadline = Date.now() + OPERATION_TIMEOUT;
      while (await status.count() === 0) {
        if (consoleErrors.length > before) {
          deadline = Math.min(deadline, Date.now() + 1500);
        }
        if (Date.now() > deadline) {
          throw new Error('no response');
        }
        await page.waitForTimeout(100);
      }
      const text = (await status.textContent()).trim();
      result.status = parseInt(text, 10) || text;
      result.ok = typeof result.status === 'number' && result.status >= 200 && result.status < 300;
      if (!result.ok) {
        const body = await operation.locator('.live-responses-table .response-col_description pre').first()
          .textContent({ timeout: 1000 }).catch(() => '');
        result.detail = body.replace(/\s+/g, ' ').slice(0, 300);
      }
    } catch (error) {
      const invalid = await operation.locator('.parameters .invalid, .validation-errors').allTextContents().catch(() => []);
      result.detail = (consoleErrors.length > before ? 'no request sent' : 'no response shown within ' + OPERATION_TIMEOUT + ' ms')
        + (invalid.length ? '; invalid inputs: ' + invalid.join(' | ').replace(/\s+/g, ' ') : '')
        + (consoleErrors.length > before ? '; console: ' + consoleErrors.slice(before).join(' | ').slice(0, 300) : '');
    }
    result.ms = Date.now() - started;
    console.log(`[browser] ${result.ok ? 'ok  ' : 'FAIL'} ${where} ${name} -> ${result.status ?? '-'} (${result.ms} ms)`
      + (result.detail ? ' ' + result.detail : ''));
    results.push(result);
    // collapse it again, so the next operation's controls are where Swagger UI first put them
    await operation.locator('.opblock-summary').first().click().catch(() => {});
  }
  await page.close();
  return results;
}

// the other origin's page: reads a recommendation from the gateway, then tries an editor write to the catalogue
function otherOrigin() {
  const page = `<!doctype html><meta charset="utf-8"><title>another origin</title>
<p id="read"></p><p id="write"></p><pre id="out"></pre>
<script>
(async () => {
  const out = {};
  try {
    const answer = await fetch(${JSON.stringify(config.gateway)} + '/api/recommendations?mood=heartbroken&limit=1');
    const body = await answer.json();
    out.read = { status: answer.status, title: body.items[0].title.title, slug: body.items[0].title.slug };
    document.getElementById('read').textContent = 'Recommended: ' + out.read.title;
  } catch (error) {
    out.read = { error: String(error) };
  }
  try {
    const answer = await fetch(${JSON.stringify(config.catalog)} + '/api/titles', { method: 'POST',
      headers: { 'Authorization': 'Bearer ' + ${JSON.stringify(config.token)}, 'Content-Type': 'application/json' },
      body: ${JSON.stringify(config.title)} });
    out.write = { refused: false, status: answer.status };
  } catch (error) {
    out.write = { refused: true, error: String(error) };
  }
  document.getElementById('write').textContent = out.write.refused ? 'The write was refused.' : 'The write went through!';
  document.getElementById('out').textContent = JSON.stringify(out);
})();
</script>`;
  return http.createServer((request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  });
}

(async () => {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'setsunai-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: config.chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const results = [];
  let cors = {};
  try {
    // the specs side by side, one page each: most of the time is waiting for answers
    const targets = (await Promise.all(config.swaggerUis.map((ui) => specsOf(context, ui)))).flat();
    for (const found of await Promise.all(targets.map((target) => tryEveryGet(context, target)))) {
      results.push(...found);
    }
    const server = otherOrigin();
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = 'http://127.0.0.1:' + server.address().port;
    const page = await context.newPage();
    await page.goto(origin + '/');
    await page.waitForFunction(() => document.getElementById('out').textContent.length > 0, null, { timeout: 15000 });
    cors = JSON.parse(await page.locator('#out').textContent());
    cors.origin = origin;
    cors.shown = [await page.locator('#read').textContent(), await page.locator('#write').textContent()];
    console.log('[browser] page on ' + origin + ': ' + JSON.stringify(cors));
    server.close();
  } finally {
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
  console.log('RESULT ' + JSON.stringify({ operations: results, cors }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
