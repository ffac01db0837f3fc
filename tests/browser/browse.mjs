// browse.mjs: one scenario of the browser tests (test_browser.c runs each):
// Debian's chromium, driven by playwright-core, with script disabled (the
// pages must work without it), on a running 'storyline serve'.
//
//   node tests/browser/browse.mjs BASE_URL SCENARIO SCREENSHOT_DIR
//
// Exits 0 when every check of the scenario holds, else 1 after printing the
// first that did not. Screenshots go to SCREENSHOT_DIR/SCENARIO*.png.
import { chromium } from 'playwright-core';

const [base, scenario, shots] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';

function check(cond, what) {
  if (!cond) throw new Error(what);
}

async function texts(page, selector) {
  return page.locator(selector).allInnerTexts();
}

// The storyline of the seeds: the one whose events hold the seed article
// about the military talks (found through the API, as a user would search).
async function seedStoryline(page) {
  const r = await page.request.get(`${base}/api/articles/004_275ad719f9795c82`);
  check(r.ok(), `the seed article is not served: ${r.status()}`);
  return (await r.json()).storyline;
}

const scenarios = {
  // The front page lists the storylines; the seeds' storyline page has its
  // time axis, events, actors, quotes and timeline.
  async storyline(page) {
    await page.goto(`${base}/`);
    check((await page.locator('h1').innerText()) === 'Storylines', 'the front page has no Storylines heading');
    const sid = await seedStoryline(page);
    await page.locator(`a[href="/stories/${sid}"]`).first().click();
    await page.waitForURL(`**/stories/${sid}`);
    check(await page.locator('svg.axis rect.bar').count() > 0, 'no bars on the time axis');
    const events = await page.locator('#events + ul > li').count();
    check(events === 3, `the seeds' storyline shows ${events} events, not 3`);
    const actors = await texts(page, 'ul.actors > li');
    check(actors.length >= 5, `only ${actors.length} actors`);
    check(actors.some((a) => /Korea/.test(a)), 'no Korea among the actors');
    check(await page.locator('#quotes ~ blockquote').count() >= 3, 'fewer than 3 quotes');
    check(await page.locator('#timeline + table tr').count() >= 3, 'fewer than 3 dates on the timeline');
    check(await page.locator('#articles + table tbody tr').count() === 5, 'not the 5 seed articles');
    await page.screenshot({ path: `${shots}/storyline.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 400, `the page is ${wide} px wide on a 390 px phone`);
    await page.screenshot({ path: `${shots}/storyline-phone.png` });
  },

  // From the storyline to its first person, and back to the storyline.
  async actor(page) {
    const sid = await seedStoryline(page);
    await page.goto(`${base}/stories/${sid}`);
    const items = page.locator('ul.actors > li');
    let link = null;
    for (let i = 0; i < await items.count(); i++) {
      if (/\bperson\b/.test(await items.nth(i).innerText())) { link = items.nth(i).locator('a'); break; }
    }
    check(link, 'no person among the actors');
    const name = await link.innerText();
    await link.click();
    await page.waitForURL('**/actors/**');
    check((await page.locator('h1').innerText()) === name, `the actor page is not ${name}'s`);
    check(await page.locator(`a[href="/stories/${sid}"]`).count() > 0, 'the actor page does not list the storyline');
    await page.screenshot({ path: `${shots}/actor.png`, fullPage: true });
  },

  // Search from the header for Panmunjom, open the first hit.
  async search(page) {
    await page.goto(`${base}/`);
    await page.locator('header input[name=q]').fill('Panmunjom');
    await page.locator('header input[name=q]').press('Enter');
    await page.waitForURL('**/search?q=Panmunjom');
    const marks = await texts(page, '.snippet mark');
    check(marks.some((m) => /panmunjom/i.test(m)), 'no hit marks Panmunjom');
    await page.screenshot({ path: `${shots}/search.png`, fullPage: true });
    await page.locator('.story-title a').first().click();
    await page.waitForURL('**/articles/**');
    check(/Panmunjom/.test(await page.locator('.text').innerText()), 'the article does not say Panmunjom');
    await page.screenshot({ path: `${shots}/article.png`, fullPage: true });
  },

  // An article reprinted by other outlets: its copies, who was first, what
  // each copy changed (opened).
  async copies(page) {
    await page.goto(`${base}/articles/c1-tidewater-night-cuts`);
    await page.locator('a', { hasText: 'Drought forces Orvano' }).first().click();
    await page.waitForURL('**/articles/c1-globe-dispatch-taps-off');
    const rows = page.locator('#copies + table tbody tr');
    check(await rows.count() >= 2, 'fewer than 2 rows of copies');
    check(await page.locator('#copies + table strong', { hasText: '(first)' }).count() === 1, 'no single first publisher');
    const changed = page.locator('details.changes');
    for (let i = 0; i < await changed.count(); i++) await changed.nth(i).locator('summary').click();
    await page.screenshot({ path: `${shots}/copies.png`, fullPage: true });
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error(`browse.mjs: no scenario '${scenario}' (${Object.keys(scenarios).join(', ')})`);
  process.exit(2);
}
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1100, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await run(page);
  console.log(`browse.mjs: ${scenario}: every check holds`);
} catch (e) {
  console.error(`browse.mjs: ${scenario}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
}
