// The scanner's HTML report in a real browser (headless Debian Chromium through playwright-core):
// a generated crate with at least 10,000 findings, long paths and long code lines. Checks that the
// page never scrolls sideways at 1400 and 800 px, that its one script runs under its own policy
// (nothing refused), that the search box hides the cards that do not match and brings them back,
// and that without script the box stays hidden and every card shows. Run by run-e2e.sh; alone:
//   JAR=../server/target/unsafe-hints.jar node e2e/report-check.mjs
// env: JAR (the server jar), CHROMIUM (default /usr/bin/chromium), ARTIFACTS (default e2e/artifacts),
//      FINDINGS (default 10000: the least the generated crate must give).
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const JAR = process.env.JAR ?? join(here, '..', '..', 'server', 'target', 'unsafe-hints.jar');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACTS = process.env.ARTIFACTS ?? join(here, 'artifacts');
const WANT = Number(process.env.FINDINGS ?? 10_000);
const WIDTHS = [1400, 800];

const facts = {};
const failures = [];
const check = (ok, message) => { if (!ok) failures.push(message); };

// --- the crate: many small fns, each an unsafe block with operations and no SAFETY comment ---------
const dir = mkdtempSync(join(tmpdir(), 'unsafe-hints-report-'));
const deep = join('src', 'a_module_with_a_rather_long_name_to_make_paths_wide',
  'another_nested_module_whose_name_goes_on_and_on_without_any_break_at_all');
const FILES = 20;
const FNS_PER_FILE = 45;
writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "many-findings"\nversion = "0.1.0"\nedition = "2021"\n');
mkdirSync(join(dir, deep), { recursive: true });
const mods = [];
for (let f = 0; f < FILES; f++) {
  const name = `file_${String(f).padStart(2, '0')}_with_a_long_name_that_does_not_wrap_by_itself_${'x'.repeat(40)}`;
  mods.push(name);
  const fns = [];
  for (let i = 0; i < FNS_PER_FILE; i++) {
    const id = `f${f}_${i}`;
    fns.push(`pub fn read_${id}(p: *const u64, q: *mut u64) -> u64 {\n    unsafe {\n        *q = *p.add(1);\n        *p + *q\n    }\n}\n`);
  }
  // one line far wider than any window, and a word far longer than a line
  fns.push(`pub fn needle_in_file_${f}(p: *const u8) -> u8 {\n    unsafe { *p.add(${Array.from({ length: 60 }, (_, k) => `${k}`).join(' + ')}) } // ${'w'.repeat(300)}\n}\n`);
  writeFileSync(join(dir, deep, `${name}.rs`), fns.join('\n'));
}
writeFileSync(join(dir, deep, 'mod.rs'), mods.map((m) => `pub mod ${m};\n`).join(''));
writeFileSync(join(dir, 'src', 'a_module_with_a_rather_long_name_to_make_paths_wide.rs'), '');
writeFileSync(join(dir, 'src', 'lib.rs'), 'pub mod a_module_with_a_rather_long_name_to_make_paths_wide {\n'
  + '    pub mod another_nested_module_whose_name_goes_on_and_on_without_any_break_at_all;\n}\n');
rmSync(join(dir, 'src', 'a_module_with_a_rather_long_name_to_make_paths_wide.rs'));

const html = join(dir, 'report.html');
let started = Date.now();
try {
  execFileSync('java', ['-jar', JAR, 'scan', '--format', 'html', '-o', html, '--fail-on', 'none', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
} catch (error) {
  console.error(String(error.stderr ?? error));
  process.exit(1);
}
facts.scanMs = Date.now() - started;
const text = readFileSync(html, 'utf8');
facts.reportBytes = text.length;
facts.findings = Number(/<section id="sites"><h2>Unsafe sites<\/h2>\s*<p class="hint">(\d+) finding/.exec(text)?.[1] ?? 0);
check(facts.findings >= WANT, `the report has ${facts.findings} findings, fewer than ${WANT}`);

// --- the browser --------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 900 } });
  const page = await context.newPage();
  const console_ = [];
  page.on('console', (m) => console_.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console_.push(`pageerror: ${e.message}`));
  started = Date.now();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 120_000 });
  facts.loadMs = Date.now() - started;
  facts.cards = await page.locator('article.site').count();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Every card laid out (the report lets the browser skip cards off screen, which would hide their
    // width): the page's width, and each card or code block wider than its box.
    const sizes = await page.evaluate(() => {
      const all = document.createElement('style');
      all.textContent = 'article.site{content-visibility:visible!important}';
      document.head.append(all);
      const wide = [...document.querySelectorAll('article.site, article.site pre, details.file > summary')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1).length;
      const result = { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, overflowingBoxes: wide };
      all.remove();
      return result;
    });
    facts[`at${width}`] = sizes;
    check(sizes.scrollWidth <= sizes.clientWidth, `horizontal scrolling at ${width} px: scrollWidth ${sizes.scrollWidth} > clientWidth ${sizes.clientWidth}`);
    check(sizes.overflowingBoxes === 0, `${sizes.overflowingBoxes} cards or code blocks are wider than their box at ${width} px`);
    // the widest thing on the page: a long path and the long code line, on screen
    await page.locator('article.site', { hasText: 'needle_in_file_0' }).first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, `report-${width}.png`) });
  }
  // the search: the box shows (its script ran), a word keeps only the cards that hold it
  check(await page.locator('#search').isVisible(), 'the search box is not shown: its script did not run');
  const visible = () => page.evaluate(() => [...document.querySelectorAll('article.site')].filter((c) => c.offsetParent !== null).length);
  facts.visibleBefore = await visible();
  const search = async (query) => {
    await page.fill('#q', query);
    const t = Date.now();
    await page.press('#q', 'Enter');
    await page.waitForFunction((q) => q === '' ? document.getElementById('q-count').textContent === '' : /cards match/.test(document.getElementById('q-count').textContent), query);
    return { ms: Date.now() - t, visible: await visible(), count: await page.locator('#q-count').innerText() };
  };
  facts.searchNeedle = await search('needle_in_file_7');
  check(facts.searchNeedle.visible === 1, `'needle_in_file_7' leaves ${facts.searchNeedle.visible} cards, not 1`);
  facts.searchFileAndWord = await search('file_03 read_f3_1');
  // read_f3_1, read_f3_10..19: the cards of those fns in file 03
  check(facts.searchFileAndWord.visible >= 11 && facts.searchFileAndWord.visible < facts.cards / 10,
    `'file_03 read_f3_1' leaves ${facts.searchFileAndWord.visible} cards`);
  facts.searchNothing = await search('no-such-text-anywhere');
  check(facts.searchNothing.visible === 0, `a query that matches nothing leaves ${facts.searchNothing.visible} cards`);
  check(await page.locator('details.file').evaluateAll((ds) => ds.every((d) => d.offsetParent === null)), 'file sections without a matching card still show');
  facts.searchCleared = await search('');
  check(facts.searchCleared.visible === facts.visibleBefore, `clearing the search shows ${facts.searchCleared.visible} of ${facts.visibleBefore} cards`);
  facts.console = console_.slice(0, 10);
  check(!console_.some((l) => /Refused|pageerror|error:/i.test(l)), `console: ${console_.join(' | ').slice(0, 1000)}`);
  await context.close();

  // without script: no dead search box, every card there
  const noScript = await browser.newContext({ viewport: { width: 800, height: 900 }, javaScriptEnabled: false });
  const plain = await noScript.newPage();
  await plain.goto(pathToFileURL(html).href, { waitUntil: 'load', timeout: 120_000 });
  facts.noScript = {
    searchShown: await plain.locator('#search').isVisible(),
    visible: await plain.evaluate(() => [...document.querySelectorAll('article.site')].filter((c) => c.offsetParent !== null).length),
    scrollWidth: await plain.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  };
  check(!facts.noScript.searchShown, 'without script the search box shows');
  check(facts.noScript.visible === facts.visibleBefore, `without script ${facts.noScript.visible} of ${facts.visibleBefore} cards show`);
  await noScript.close();
} catch (error) {
  failures.push(`stopped: ${String(error?.message ?? error).split('\n')[0]}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

// in the form of the editor scenarios' results, so run-e2e.sh's closing count includes it
const name = 'HTML report: 10,000 findings, no sideways scrolling at 1400 and 800 px, search filters the cards';
writeFileSync(join(ARTIFACTS, 'result-report.json'), JSON.stringify({
  results: [failures.length === 0 ? { name, ok: true } : { name, ok: false, error: failures.join('; ') }], facts,
}, null, 1));
console.log(JSON.stringify(facts, null, 1));
if (failures.length > 0) {
  for (const f of failures) console.log(`FAIL report: ${f}`);
  process.exit(1);
}
console.log(`ok   HTML report: ${facts.findings} findings, ${facts.cards} cards, no sideways scrolling at ${WIDTHS.join(' and ')} px, search filters`);
