// Drives VS Code (code-server) in headless Chromium through the Unsafe Hints features a user meets:
// diagnostics, Problems panel, hover, quick fix, inventory view, status bar, report, live settings.
// Started by run-e2e.sh, which provides CS_URL, FOLDER, SETTINGS, ARTIFACTS and CHROMIUM.
import { chromium } from 'playwright-core';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (run this through run-e2e.sh)`);
  return value;
};
const CS_URL = env('CS_URL');
const FOLDER = env('FOLDER');
const SETTINGS = env('SETTINGS');
const ARTIFACTS = env('ARTIFACTS');
const LIB_RS = join(FOLDER, 'src', 'lib.rs');
const EDITOR = '.editor-group-container .monaco-editor';
const WAIT = 60_000; // generous: the machine may be busy; every wait ends as soon as its condition holds

const t0 = Date.now();
const results = [];
const facts = {};

const browser = await chromium.launch({
  executablePath: env('CHROMIUM'),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => {
  if (m.type() === 'error' && !/vsda|open-vsx|Failed to load resource/.test(m.text())) console.log('[browser]', m.text().slice(0, 300));
});

const shot = (name, options = {}) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), ...options });

/** Runs a command from the palette (F1), picking the entry whose label is exactly `title`. */
async function runCommand(title) {
  const input = page.locator('.quick-input-widget input');
  // F1 reaches the workbench only when the focus is in it: after a webview (a preview, a report) had
  // the focus the key can be swallowed, and the palette's hidden input from an earlier pick stays.
  // Then put the focus back on the active editor's tab and press again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: attempt < 3 ? 5000 : WAIT });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await page.keyboard.press('Escape');
      const tab = page.locator('.tabs-container .tab.active').first();
      if (await tab.count()) await tab.click().catch(() => {});
      else await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    }
  }
  await input.fill(`>${title}`);
  const entry = page
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) })
    .first();
  await entry.waitFor({ timeout: WAIT });
  await entry.click();
}

async function goTo(line, column) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: WAIT });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator(`.statusbar-item:has-text("Ln ${line}, Col ${column}")`).waitFor({ timeout: WAIT });
}

/** 1-based line of the first line of the file on disk that matches. */
function lineOf(pattern, text = readFileSync(LIB_RS, 'utf8')) {
  const index = text.split('\n').findIndex((l) => pattern.test(l));
  if (index < 0) throw new Error(`no line matches ${pattern}`);
  return index + 1;
}

/** The extension's output channel as its log file holds it (the same lines the Output panel shows). */
function log() {
  const logs = join(dirname(dirname(SETTINGS)), 'logs');
  const file = readdirSync(logs, { recursive: true }).find((f) => String(f).endsWith('Unsafe Hints.log'));
  return file ? readFileSync(join(logs, String(file)), 'utf8') : '';
}

/** Waits until `predicate(arg)` holds in the page; `what` names the condition in a timeout error. */
async function waitUntil(what, predicate, arg) {
  try {
    await page.waitForFunction(predicate, arg, { timeout: WAIT });
  } catch (error) {
    throw new Error(`timed out waiting until ${what}: ${String(error?.message ?? error).split('\n')[0]}`, { cause: error });
  }
}

/** Waits until the element's fade-in has finished, so a screenshot shows it as the user sees it. */
async function untilAnimationsEnd(selector) {
  await waitUntil(`${selector} has finished animating`, (sel) => {
    const element = [...document.querySelectorAll(sel)].find((e) => e.offsetParent !== null);
    if (!element) return false;
    for (let e = element; e; e = e.parentElement) {
      if (getComputedStyle(e).opacity !== '1') return false;
      if (e.getAnimations().some((a) => a.playState === 'running')) return false;
    }
    return true;
  }, selector);
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A step returns SKIP(reason) when what it tests is not in this build. */
const SKIPPED = Symbol('skipped');
const SKIP = (reason) => ({ [SKIPPED]: reason });

async function step(name, body) {
  const started = Date.now();
  try {
    const outcome = await body();
    if (outcome?.[SKIPPED]) {
      results.push({ name, ok: false, skipped: true, reason: outcome[SKIPPED] });
      console.log(`SKIP ${name}: ${outcome[SKIPPED]}`);
      return;
    }
    results.push({ name, ok: true, ms: Date.now() - started, at_ms: Date.now() - t0 });
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false, ms: Date.now() - started, error: String(error?.message ?? error).slice(0, 1500) });
    console.log(`FAIL ${name}: ${String(error?.message ?? error).slice(0, 1500)}`);
    await shot(`failure-${results.length}`).catch(() => {});
    throw error;
  }
}

async function openWorkbench(screenshot) {
  await page.goto(`${CS_URL}/?folder=${encodeURIComponent(FOLDER)}`, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ timeout: WAIT });
  await page.locator('.explorer-folders-view .monaco-list-row[aria-label*="Cargo.toml"]').waitFor({ timeout: WAIT });
  if (screenshot) await shot(screenshot);
}

async function openLibRs() {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: WAIT });
  await page.keyboard.type('lib.rs');
  await page.locator('.quick-input-list .monaco-list-row[aria-label*="lib.rs"]').first().waitFor({ timeout: WAIT });
  await page.keyboard.press('Enter');
  await page.locator('.tabs-container .tab[aria-label*="lib.rs"]').waitFor({ timeout: WAIT });
}

/** Fills the palette's input box (a prompt the extension shows) once it asks `prompt`, and accepts it. */
async function answerPrompt(prompt, text) {
  const widget = page.locator('.quick-input-widget').filter({ hasText: prompt });
  await widget.waitFor({ state: 'visible', timeout: WAIT });
  await widget.locator('input').fill(text);
  await page.keyboard.press('Enter');
}

/** After an approval's note: git may know no user.name here, then the extension asks for a name once. */
async function whenAskedForName(ledgerHas) {
  const deadline = Date.now() + WAIT;
  const askName = page.locator('.quick-input-widget').filter({ hasText: 'Your name for the review ledger' });
  while (!ledgerHas() && Date.now() < deadline) {
    if (await askName.isVisible().catch(() => false)) await answerPrompt('Your name for the review ledger', 'E2E Reviewer');
    await page.waitForTimeout(200);
  }
  assert(ledgerHas(), `the ledger was not written: ${existsSync(LEDGER) ? readFileSync(LEDGER, 'utf8') : '(no file)'}`);
}

const LEDGER = join(FOLDER, 'unsafe-review.toml');

/**
 * Runs Review Changes and checks its panel (the caller has changed an unsafe site): a webview whose
 * policy runs only its own script, a location that opens the file there, checklist checkboxes, and
 * "Approve this site", which writes the review ledger and marks the card approved.
 */
async function reviewStep() {
    await runCommand('Unsafe Hints: Review Changes');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: WAIT });
    await page.keyboard.press('Enter'); // since: the merge base with the default branch
    const tab = page.locator('.tabs-container .tab').filter({ hasText: /Unsafe review of fixture-crate/ }).first();
    await tab.waitFor({ timeout: WAIT });
    facts.reviewTabs = await page.locator('.tabs-container .tab').allInnerTexts();
    assert(!facts.reviewTabs.some((t) => /Untitled/.test(t)), `an Untitled buffer was left: ${JSON.stringify(facts.reviewTabs)}`);
    let frame;
    const deadline = Date.now() + WAIT;
    while (!frame && Date.now() < deadline) {
      for (const f of page.frames()) {
        const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        if (text.includes('Unsafe Hints review') && text.includes('Approve')) frame = f;
      }
      if (!frame) await page.waitForTimeout(250);
    }
    assert(frame, 'no review panel');
    facts.reviewText = (await frame.evaluate(() => document.body.innerText)).slice(0, 600);
    // the site the test added, with its checklist
    assert(/1 unsafe site in 1 file/.test(facts.reviewText) && /in fn added/.test(facts.reviewText), facts.reviewText);
    facts.reviewCsp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '');
    assert(/^default-src 'none'; style-src 'nonce-([^']+)'; script-src 'nonce-\1'$/.test(facts.reviewCsp),
      `review policy: ${facts.reviewCsp}`);
    facts.reviewBackground = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (facts.reviewBackground.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
    assert(r + g + b < 3 * 128, `the review is light in a dark window: ${facts.reviewBackground}`);
    // the checklist: real checkboxes, ticked by a click
    const boxes = frame.locator('input[type=checkbox]');
    facts.reviewCheckboxes = await boxes.count();
    assert(facts.reviewCheckboxes >= 2, `checkboxes: ${facts.reviewCheckboxes}`);
    await frame.locator('.checklist label').first().click();
    assert(await boxes.first().isChecked(), 'a click on a checklist item does not tick it');
    await shot('07b-review');
    // the site's location opens the file at its line and column
    const link = frame.locator('section.site h2 a.location').first();
    facts.reviewLink = await link.innerText();
    const [, wantLine, wantColumn] = /lib\.rs:(\d+):(\d+)$/.exec(facts.reviewLink) ?? [];
    assert(wantLine, `location link: ${facts.reviewLink}`);
    await link.click();
    await page.locator('.tabs-container .tab.active[aria-label*="lib.rs"]').waitFor({ timeout: WAIT });
    await page.locator(`.statusbar-item:has-text("Ln ${wantLine}, Col ${wantColumn}")`).waitFor({ timeout: WAIT });
    // Approve this site: the note, then the ledger holds it and the card says approved
    const ledgerBefore = existsSync(LEDGER) ? readFileSync(LEDGER, 'utf8') : '';
    await frame.locator('button.approve', { hasText: 'Approve this site' }).first().click();
    await answerPrompt('Why is this site sound?', 'p is valid for reads: the e2e passes a live byte');
    await whenAskedForName(() => existsSync(LEDGER) && readFileSync(LEDGER, 'utf8') !== ledgerBefore
      && readFileSync(LEDGER, 'utf8').includes('note = "p is valid for reads: the e2e passes a live byte"'));
    facts.ledger = readFileSync(LEDGER, 'utf8').split('\n').filter((l) => /^(site|by|note) =/.test(l));
    await frame.locator('section.site .status', { hasText: /^approved by / }).first().waitFor({ timeout: WAIT });
    facts.reviewApproved = await frame.locator('section.site .status').first().innerText();
    assert(await frame.locator('button.approve').first().isDisabled(), 'the Approve button is still active after approving');
    facts.reviewSummaryAfter = await frame.locator('p.summary').innerText();
    assert(/: 0 to review\./.test(facts.reviewSummaryAfter), `summary after approving: ${facts.reviewSummaryAfter}`);
    await shot('07c-review-approved');
    // close the panel (from its tab: the key may go to the webview, which keeps it)
    await tab.click();
    await page.keyboard.press('Control+W');
    await tab.waitFor({ state: 'detached', timeout: 5000 }).catch(async () => {
      await tab.hover();
      await tab.locator('.tab-actions .action-label').first().click();
      await tab.waitFor({ state: 'detached', timeout: WAIT });
    });
}

/** "Approve Unsafe Site" at the cursor in the editor: the block under it goes into the ledger. */
async function approveAtCursorStep() {
    await page.locator('.tabs-container .tab[aria-label*="lib.rs"]').first().click();
    const line = lineOf(/^\s*unsafe \{$/); // swap_raw's block
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await goTo(line + 1, 9);
    const before = existsSync(LEDGER) ? readFileSync(LEDGER, 'utf8') : '';
    await runCommand('Unsafe Hints: Approve Unsafe Site');
    await answerPrompt('Why is this site sound?', 'both pointers come from live references');
    await whenAskedForName(() => existsSync(LEDGER) && readFileSync(LEDGER, 'utf8') !== before
      && readFileSync(LEDGER, 'utf8').includes('note = "both pointers come from live references"'));
    facts.ledgerAfterCursor = readFileSync(LEDGER, 'utf8').split('\n').filter((l) => /^site =/.test(l));
    assert(facts.ledgerAfterCursor.some((l) => /swap_raw:unsafe-block#1"$/.test(l)), `ledger sites: ${JSON.stringify(facts.ledgerAfterCursor)}`);
}

/** The features, with a Java 17+ on PATH. */
const featureSteps = [
  ['workbench opens the fixture crate', () => openWorkbench('01-workbench')],
  ['src/lib.rs opens with our diagnostics as squiggles', async () => {
    await openLibRs();
    const opened = Date.now();
    // the first squiggle after the file's tab appears (the server starts with the first Rust file)
    await waitUntil('a squiggle shows', (sel) => document.querySelectorAll(`${sel} [class*="squiggly-"]`).length >= 1, EDITOR);
    facts.firstSquiggleMs = Date.now() - opened;
    // where the time went: the server's start (the extension starts it on activation) against the file's opening
    const logs = join(dirname(dirname(SETTINGS)), 'logs');
    const logFile = readdirSync(logs, { recursive: true }).find((f) => String(f).endsWith('Unsafe Hints.log'));
    const logText = logFile ? readFileSync(join(logs, String(logFile)), 'utf8') : '';
    const at = (pattern) => {
      const line = logText.split('\n').find((l) => pattern.test(l));
      const stamp = line && /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+)/.exec(line);
      return stamp ? new Date(stamp[1].replace(' ', 'T')).getTime() : undefined;
    };
    const starting = at(/Starting the language server/);
    const serving = at(/ serving /);
    facts.serverStartToInitializedMs = starting && serving ? serving - starting : null;
    facts.fileOpenedAfterServerReadyMs = serving ? opened - serving : null;
    // missing-safety-comment is raised to warning in the test's settings.json: two blocks lack a comment.
    await waitUntil('two warning squiggles show', (sel) => document.querySelectorAll(`${sel} .squiggly-warning`).length >= 2, EDITOR);
    facts.warningSquiggles = await page.locator(`${EDITOR} .squiggly-warning`).count();
    await shot('02-diagnostics');
  }],
  ['unsafe operations stand out through the unsafe semantic token modifier', async () => {
    // package.json styles `*.unsafe:rust` (#E5484D, underlined) via configurationDefaults; find a token drawn so.
    await waitUntil('a token is coloured as unsafe', (sel) => [...document.querySelectorAll(`${sel} .view-line span span`)]
      .some((s) => getComputedStyle(s).color === 'rgb(229, 72, 77)'), EDITOR);
    facts.unsafeTokens = await page.evaluate((sel) => [...document.querySelectorAll(`${sel} .view-line span span`)]
      .filter((s) => getComputedStyle(s).color === 'rgb(229, 72, 77)')
      .map((s) => `${s.textContent}${getComputedStyle(s).textDecorationLine.includes('underline') ? ' (underlined)' : ''}`), EDITOR);
    assert(facts.unsafeTokens.some((t) => t.includes('p')), `coloured tokens: ${JSON.stringify(facts.unsafeTokens)}`);
  }],
  ['Problems panel lists them with source and rule id', async () => {
    await page.keyboard.press('Control+Shift+M');
    await waitUntil(
      'the Problems panel lists two missing-safety-comment rows',
      () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].filter((r) => r.innerText.includes('missing-safety-comment')).length >= 2,
    );
    facts.problems = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    assert(facts.problems.some((r) => r.includes('unsafe-hints')), `no row names the source unsafe-hints: ${JSON.stringify(facts.problems)}`);
    await shot('03-problems');
    await page.keyboard.press('Control+Shift+M'); // close it again
  }],
  ['hover on unsafe shows the guideline', async () => {
    // The diagnostic part of the hover shows first; wait for the server's own hover text too.
    const hover = page.locator('.monaco-hover').filter({ hasText: /unsafe operation/ }).first();
    // The editor shows a hover after the mouse rests on a word; move onto the squiggle in small steps,
    // and once more from outside if the first rest fell between two mouse-move events.
    for (let attempt = 0; attempt < 3 && !(await hover.isVisible()); attempt++) {
      const box = await page.locator(`${EDITOR} .squiggly-warning`).first().boundingBox();
      assert(box, 'no squiggle to hover');
      await page.mouse.move(box.x + box.width / 2, box.y - 40, { steps: 2 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
      await hover.waitFor({ state: 'visible', timeout: WAIT / 3 }).catch(() => {});
    }
    await hover.waitFor({ state: 'visible', timeout: 1000 });
    await untilAnimationsEnd('.monaco-hover');
    facts.hover = (await hover.innerText()).slice(0, 1000);
    assert(/SAFETY/.test(facts.hover), `the hover does not mention the SAFETY comment: ${facts.hover}`);
    await shot('04-hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  }],
  ['the hover on a block with several operations names each once and fits the hover box', async () => {
    // swap_raw's block: four operations, no SAFETY comment, three rules fire on its `unsafe`.
    const line = lineOf(/^\s*unsafe \{$/);
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await goTo(line, 6);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I'); // Show Hover at the cursor
    const hover = page.locator('.monaco-hover').filter({ hasText: /Unsafe block · 4 unsafe operations/ }).first();
    await hover.waitFor({ state: 'visible', timeout: WAIT });
    await untilAnimationsEnd('.monaco-hover');
    const text = await hover.innerText();
    facts.blockHover = text.slice(0, 2500);
    facts.blockHoverChars = text.length;
    // the whole hover, diagnostics included, as VS Code lays it out (it scrolls beyond its box)
    facts.blockHoverHeight = await hover.evaluate((e) => (e.querySelector('.monaco-scrollable-element > *') ?? e).scrollHeight);
    // rendered Markdown: code spans lose their backticks, list numbers are markers, not text
    assert(/\*pa \(line \d+\): read through pa — non-null · aligned/.test(text), `no conditions for *pa: ${text}`);
    assert((text.match(/read through pb/g) ?? []).length === 1, `an operation is listed more than once: ${text}`);
    assert(!/What it finds|What to do/.test(text), `rule documents are pasted in: ${text}`);
    assert(facts.blockHoverHeight <= 700, `the hover is ${facts.blockHoverHeight} px tall`);
    await shot('04b-block-hover');
    await page.keyboard.press('Escape');
  }],
  ['the code lens opens the operations instead of failing', async () => {
    const lens = page.locator(`${EDITOR} .codelens-decoration a`).filter({ hasText: /4 unsafe operations/ }).first();
    await lens.waitFor({ timeout: WAIT });
    facts.codeLens = await lens.innerText();
    await lens.click();
    const peek = page.locator(`${EDITOR} .peekview-widget`).first();
    await peek.waitFor({ state: 'visible', timeout: WAIT });
    await untilAnimationsEnd('.peekview-widget');
    facts.peekTitle = (await peek.locator('.peekview-title').first().innerText().catch(() => '')).replace(/\s+/g, ' ');
    const failed = await page.locator('.notifications-toasts .notification-toast').filter({ hasText: /not found/ }).count();
    assert(failed === 0, 'a "command not found" notification showed');
    await shot('04c-lens-peek');
    await page.keyboard.press('Escape');
  }],
  ['quick fix inserts a SAFETY comment', async () => {
    const line = lineOf(/^\s*unsafe \{ \*p \}/);
    const column = readFileSync(LIB_RS, 'utf8').split('\n')[line - 1].indexOf('unsafe') + 1;
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await goTo(line, column + 1);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: 'SAFETY' }).first();
    await fix.waitFor({ timeout: WAIT });
    await untilAnimationsEnd('.action-widget');
    facts.codeActions = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
    await shot('05-quick-fix-menu');
    // The menu sits under a pointer-blocking overlay: choose with the keyboard, as users do.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let i = 0; i < 10 && !/SAFETY/.test((await focused.innerText().catch(() => '')) ?? ''); i++) {
      await page.keyboard.press('ArrowDown');
    }
    assert(/SAFETY/.test(await focused.innerText()), 'could not select the SAFETY quick fix');
    await page.keyboard.press('Enter');
    // The editor renders spaces as U+00A0, so match the word only: one SAFETY comment was there before.
    await waitUntil(
      'the editor shows a second SAFETY comment',
      (sel) => [...(document.querySelector(`${sel} .view-lines`)?.innerText ?? '').matchAll(/SAFETY:/g)].length >= 2,
      EDITOR,
    );
    await runCommand('File: Save');
    // Saved to disk: the comment sits right above the block it explains.
    await waitUntil('the file is saved', () => !document.querySelector('.tabs-container .tab.dirty'));
    const lines = readFileSync(LIB_RS, 'utf8').split('\n');
    const blockLine = lineOf(/^\s*unsafe \{ \*p \}/, lines.join('\n'));
    // The comment block right above the unsafe block (it may span lines) starts with `// SAFETY:`.
    let top = blockLine - 1;
    while (top > 1 && /^\s*\/\//.test(lines[top - 2] ?? '')) top--;
    facts.insertedComment = lines.slice(top - 1, blockLine - 1);
    assert(/^\s*\/\/ SAFETY:/.test(lines[top - 1] ?? ''), `comment above the block: ${JSON.stringify(facts.insertedComment)}`);
    assert(facts.insertedComment.every((l) => l.length <= 100), `template lines over 100 columns: ${JSON.stringify(facts.insertedComment)}`);
    // An unedited template is no argument: the block keeps a warning that says so.
    await page.keyboard.press('Control+Shift+M');
    await waitUntil('the Problems panel says the comment is still the template', () =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')].some((r) => r.innerText.includes('still the template')));
    await page.keyboard.press('Control+Shift+M');
    await shot('06-quick-fix-applied');
    // Say why, in place of the placeholder: then the warning goes.
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await page.keyboard.press('Control+H');
    const find = page.locator('.find-widget textarea[aria-label="Find"], .find-widget input[aria-label="Find"]').first();
    await find.waitFor({ state: 'visible', timeout: WAIT });
    await find.fill('<explain why every condition below holds here>');
    const replace = page.locator('.find-widget textarea[aria-label="Replace"], .find-widget input[aria-label="Replace"]').first();
    await replace.fill('`bytes` is not empty (asserted above), so `p` points at its first byte.');
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');
    await runCommand('File: Save');
    await waitUntil('the file is saved', () => !document.querySelector('.tabs-container .tab.dirty'));
    await waitUntil('one warning squiggle is left', (sel) => document.querySelectorAll(`${sel} .squiggly-warning`).length === 1, EDITOR);
    await shot('06b-safety-written');
  }],
  ['status bar summarises the file', async () => {
    const item = page.locator('.statusbar-item').filter({ hasText: /\d+ unsafe/ }).first();
    await item.waitFor({ timeout: WAIT });
    facts.statusBar = await item.innerText();
    assert(/\d+ unsafe · 1 undocumented/.test(facts.statusBar), `status bar says ${JSON.stringify(facts.statusBar)}`);
    // Turning the warning off changes what is shown, not what is documented.
    facts.statusBarUnsafe = Number(/(\d+) unsafe/.exec(facts.statusBar)[1]);
  }],
  ['inventory tree shows the sites and jumps to one', async () => {
    await runCommand('Unsafe Hints: Show Unsafe Inventory');
    const tree = page.locator('.pane:has(.pane-header[aria-label*="Inventory"]) .monaco-list-row');
    await waitUntil('the inventory lists sites', () => [...document.querySelectorAll('.monaco-list-row')].some((r) => /Ln \d+, Col \d+/.test(r.innerText)));
    facts.inventory = await tree.allInnerTexts();
    assert(facts.inventory.some((r) => r.includes('fixture-crate')), `no crate row: ${JSON.stringify(facts.inventory)}`);
    assert(facts.inventory.some((r) => r.includes('src/lib.rs')), `no file row: ${JSON.stringify(facts.inventory)}`);
    // The file row counts what the status bar counts, with the same words.
    const fileRow = facts.inventory.find((r) => r.includes('src/lib.rs')) ?? '';
    assert(fileRow.includes(`${facts.statusBarUnsafe} unsafe sites (1 undocumented)`), `file row ${JSON.stringify(fileRow)} against status bar ${facts.statusBar}`);
    const sites = tree.filter({ hasText: /Ln \d+, Col \d+/ });
    facts.inventorySites = await sites.count();
    assert(facts.inventorySites >= 3, `expected at least 3 unsafe sites, saw ${facts.inventorySites}`);
    await shot('07-inventory');
    const target = sites.last();
    const [, line] = /Ln (\d+), Col (\d+)/.exec(await target.innerText());
    await target.click();
    // The site's range is selected, so the cursor indicator reads "Ln 26, Col 11 (6 selected)".
    const cursor = page.locator('.statusbar-item').filter({ hasText: new RegExp(`Ln ${line}, Col \\d+ \\(\\d+ selected\\)`) });
    await cursor.waitFor({ timeout: WAIT });
    facts.jumpedTo = await cursor.innerText();
  }],
  ['the Dependencies view lists the path dependency and opens its unsafe code read-only', async () => {
    // Fold the inventory for room: the side bar's rows are virtual, so only visible ones exist.
    const inventoryHeader = page.locator('.pane-header[aria-label*="Inventory"]').first();
    if ((await inventoryHeader.getAttribute('aria-expanded')) === 'true') await inventoryHeader.click();
    const header = page.locator('.pane-header[aria-label*="Dependencies"]').first();
    await header.waitFor({ timeout: WAIT });
    // The view starts collapsed; opening it reads the package list (again while the graph is read).
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rows = page.locator('.pane:has(.pane-header[aria-label*="Dependencies"]) .monaco-list-row');
    const pkg = rows.filter({ hasText: 'fixture-dep' }).first();
    await pkg.waitFor({ timeout: WAIT });
    facts.dependencyRow = await pkg.innerText();
    assert(/0\.3\.1 · path/.test(facts.dependencyRow), `package row: ${JSON.stringify(facts.dependencyRow)}`);
    await pkg.click();
    const file = rows.filter({ hasText: 'src/lib.rs' }).first();
    await file.waitFor({ timeout: WAIT });
    facts.dependencyFileRow = await file.innerText();
    assert(/2 unsafe sites · 1 operation/.test(facts.dependencyFileRow), `file row: ${JSON.stringify(facts.dependencyFileRow)}`);
    await file.click();
    await rows.filter({ hasText: 'unsafe functions' }).first().click();
    const site = rows.filter({ hasText: /Ln 8, Col \d+/ }).first();
    await site.waitFor({ timeout: WAIT });
    await shot('07b-dependencies');
    await site.click();
    // The fn's range is selected (the cursor ends at its last line) in a tab of the dependency's file.
    await page.locator('.tabs-container .tab.active').filter({ hasText: 'fixture-dep' }).waitFor({ timeout: WAIT });
    facts.dependencySelection = await page.locator('.statusbar-item').filter({ hasText: /\(\d+ selected\)/ }).first().innerText();
    // Read-only in this session: the tab carries the lock that VS Code draws for read-only editors
    // (the extension sets it just after the tab opens, so wait for it), typing changes nothing and the
    // tab never turns dirty.
    const depFile = join(dirname(FOLDER), 'fixture-dep', 'src', 'lib.rs');
    const before = readFileSync(depFile, 'utf8');
    try {
      // (the lock is a file decoration: an icon badge drawn by a generated CSS class, not an element)
      await page.locator('.tabs-container .tab.active [class*="-iconBadge-"]').first().waitFor({ timeout: WAIT });
      // ... and the keyboard is in the editor then (the extension focuses it once it is read-only).
      await waitUntil('the dependency\'s editor has the keyboard', () => document.activeElement?.closest('.monaco-editor') != null);
      await page.keyboard.type('zz');
      await page.waitForTimeout(500);
      facts.dependencyTabDirty = await page.locator('.tabs-container .tab.active.dirty').count();
      assert(facts.dependencyTabDirty === 0, 'the dependency\'s file took an edit');
      assert(readFileSync(depFile, 'utf8') === before, 'the dependency\'s file changed on disk');
    } finally {
      // Never leave a dirty tab behind: closing it would open a save dialog that blocks the next steps.
      if (await page.locator('.tabs-container .tab.active.dirty').count() > 0) await runCommand('File: Revert File');
      await page.keyboard.press('Control+w');
    }
    await header.click();
    await inventoryHeader.click();
  }],
  ['Review Changes shows the changed sites in a panel: locations open the file, checkboxes, Approve writes the ledger', async () => {
    if (!existsSync(join(FOLDER, '.git'))) return SKIP('git is not installed');
    await page.locator('.tabs-container .tab[aria-label*="lib.rs"]').click();
    // a changed unsafe site (comments do not count as changes): a new fn, put back afterwards
    const original = readFileSync(LIB_RS, 'utf8');
    writeFileSync(LIB_RS, `${original}\n/// Added for the review.\npub fn added(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n`);
    try {
      await reviewStep();
    } finally {
      writeFileSync(LIB_RS, original);
    }
  }],
  ['Approve Unsafe Site approves the site at the cursor', async () => {
    if (!existsSync(join(FOLDER, '.git'))) return SKIP('git is not installed');
    await approveAtCursorStep();
  }],
  ['settings changes apply without a restart', async () => {
    // Edit the user settings as a user would: open settings.json, replace the severity, save.
    await runCommand('Preferences: Open User Settings (JSON)');
    await page.locator('.tabs-container .tab.active[aria-label*="settings.json"]').waitFor({ timeout: WAIT });
    await page.locator(`${EDITOR} .view-lines`).first().click();
    await page.keyboard.press('Control+H');
    const find = page.locator('.find-widget textarea[aria-label="Find"], .find-widget input[aria-label="Find"]').first();
    await find.waitFor({ state: 'visible', timeout: WAIT });
    await find.fill('"missing-safety-comment": "warning"');
    const replace = page.locator('.find-widget textarea[aria-label="Replace"], .find-widget input[aria-label="Replace"]').first();
    await replace.fill('"missing-safety-comment": "error"');
    await page.keyboard.press('Control+Alt+Enter');
    await page.keyboard.press('Escape');
    await runCommand('File: Save');
    await waitUntil('settings.json is saved', () => !document.querySelector('.tabs-container .tab.dirty'));
    const settings = readFileSync(SETTINGS, 'utf8');
    assert(settings.includes('"missing-safety-comment": "error"'), `settings.json was not changed: ${settings}`);
    // Back to the Rust file: the server re-reads its settings and the missing comment is now an error.
    await page.locator('.tabs-container .tab[aria-label*="lib.rs"]').click();
    await waitUntil('an error squiggle shows', (sel) => document.querySelectorAll(`${sel} .squiggly-error`).length >= 1, EDITOR);
    facts.errorSquigglesAfterSettingChange = await page.locator(`${EDITOR} .squiggly-error`).count();
    await shot('08-setting-changed');
  }],
  ['report opens in a webview with a strict content security policy', async () => {
    if (process.env.SCAN_SUPPORTED === '0') return SKIP('the server jar has no scan command (build it from a tree with the scanner)');
    await runCommand('Unsafe Hints: Open Report');
    await page.locator('.tabs-container .tab[aria-label*="Unsafe Report"]').waitFor({ timeout: WAIT });
    let frame;
    const deadline = Date.now() + WAIT;
    while (!frame && Date.now() < deadline) {
      for (const f of page.frames()) {
        const csp = await f.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null).catch(() => null);
        if (csp && csp.includes("style-src 'unsafe-inline'") && (await f.evaluate(() => document.body?.innerText.length ?? 0).catch(() => 0)) > 0) frame = f;
      }
      if (!frame) await page.waitForTimeout(250);
    }
    assert(frame, 'no webview frame with the report');
    facts.reportCsp = await frame.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'));
    facts.reportHeading = await frame.evaluate(() => document.querySelector('h1')?.innerText ?? '');
    assert(facts.reportCsp.startsWith("default-src 'none'"), facts.reportCsp);
    const reportText = await frame.evaluate(() => document.body.innerText);
    assert(!reportText.includes('could not be written'), `the scanner failed: ${reportText.slice(0, 1500)}`);
    assert(reportText.includes('fixture-crate'), `the report does not name the crate: ${reportText.slice(0, 500)}`);
    // the report counts unsafe sites as the status bar and the inventory do
    assert(new RegExp(`\\b${facts.statusBarUnsafe}\\s+unsafe sites`).test(reportText), `report: ${reportText.slice(0, 600)}`);
    facts.reportSvgCount = await frame.evaluate(() => document.querySelectorAll('svg').length);
    assert(!(await frame.evaluate(() => document.body.innerText)).includes('SCRIPT RAN'), 'a script ran in the report');
    // the window's dark theme, not a white page
    facts.reportBackground = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = (facts.reportBackground.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
    assert(r + g + b < 3 * 128, `the report is light in a dark window: ${facts.reportBackground}`);
    await shot('09-report');
    // a location opens the file at its line
    const link = frame.locator('a.location').filter({ hasText: /lib\.rs:\d+:\d+/ }).first();
    const [, wantLine] = /:(\d+):\d+/.exec(await link.innerText());
    facts.reportLink = await link.innerText();
    await link.click();
    await page.locator('.tabs-container .tab.active[aria-label*="lib.rs"]').waitFor({ timeout: WAIT });
    await page.locator(`.statusbar-item:has-text("Ln ${wantLine},")`).waitFor({ timeout: WAIT });
  }],
  ['Restart Server restarts it and Show Output shows its log', async () => {
    await page.locator('.tabs-container .tab[aria-label*="lib.rs"]').click();
    await runCommand('Unsafe Hints: Restart Server');
    await runCommand('Unsafe Hints: Show Output');
    await page.locator('.panel .monaco-editor .view-lines').first().waitFor({ timeout: WAIT });
    await waitUntil('the output panel shows the Unsafe Hints channel', () =>
      [...document.querySelectorAll('.panel select, .panel .monaco-select-box')].some((s) => (s.value ?? s.innerText ?? '').includes('Unsafe Hints') || s.title?.includes('Unsafe Hints')));
    // The channel's log file (the same lines the panel shows): a restart, then a new start after it.
    const deadline = Date.now() + WAIT;
    while (!/Restarting the language server on request\.[\s\S]*Starting the language server/.test(log()) && Date.now() < deadline) {
      await page.waitForTimeout(200);
    }
    assert(/Restarting the language server on request\.[\s\S]*Starting the language server/.test(log()), `log: ${log().slice(-2000)}`);
    // Each server line once, at its own level: not again as an [error] line from stderr.
    const serving = log().split('\n').filter((l) => l.includes('serving'));
    facts.servingLines = serving;
    assert(serving.length >= 1 && serving.every((l) => l.includes('[info]')), `log lines: ${JSON.stringify(serving)}`);
    // The restarted server analyses the open file again.
    await waitUntil('diagnostics are back', (sel) => document.querySelectorAll(`${sel} .squiggly-error`).length >= 1, EDITOR);
    await shot('10-output');
  }],
];

/** No Java anywhere: the user gets one message saying what to install, with a way to the setting. */
const noJavaSteps = [
  ['workbench opens the fixture crate', () => openWorkbench()],
  ['opening a Rust file without Java shows one clear error', async () => {
    await openLibRs();
    const toasts = page.locator('.notifications-toasts .notification-toast');
    const error = toasts.filter({ hasText: 'needs Java 17 or newer' });
    await error.first().waitFor({ timeout: WAIT });
    await untilAnimationsEnd('.notifications-toasts .notification-toast');
    facts.noJavaMessage = await error.first().innerText();
    const ours = await toasts.filter({ hasText: /Unsafe Hints/ }).count();
    assert(ours === 1, `expected one Unsafe Hints notification, saw ${ours}`);
    assert(/Install a Java 17\+ runtime/.test(facts.noJavaMessage), facts.noJavaMessage);
    assert(!/\bat .+:\d+:\d+/.test(facts.noJavaMessage), `a stack trace is shown: ${facts.noJavaMessage}`);
    const status = page.locator('.statusbar-item').filter({ hasText: 'Unsafe Hints stopped' });
    await status.waitFor({ timeout: WAIT });
    await shot('11-no-java');
  }],
  ['its Open Settings button shows the Java settings', async () => {
    await page.locator('.notifications-toasts .notification-toast .monaco-button', { hasText: 'Open Settings' }).first().click();
    await waitUntil('the settings editor searches for the Java settings', () =>
      [...document.querySelectorAll('.settings-editor .settings-header .monaco-editor .view-lines')].some((e) => e.innerText.includes('unsafeHints.java')));
    // Java settings are machine-specific; in code-server (a remote window) they live under the Remote tab.
    const remoteTab = page.locator('.settings-editor .settings-tabs-widget .action-label', { hasText: 'Remote' });
    if (await remoteTab.count()) await remoteTab.first().click();
    const home = page.locator('.settings-editor .setting-item-contents', { hasText: 'Java: Home' }).first();
    await home.waitFor({ timeout: WAIT });
    facts.settingsShown = (await page.locator('.settings-editor .setting-item-contents .setting-item-label').allInnerTexts()).slice(0, 5);
    await shot('12-java-settings');
  }],
];

/** The platform package where no JVM is visible: the features run on the runtime it carries. */
const bundledSteps = [
  ...featureSteps,
  ['the server ran on the Java runtime bundled with the extension', () => {
    const lines = log().split('\n');
    facts.javaUsed = lines.filter((l) => /Using Java|Java not used/.test(l));
    assert(facts.javaUsed.length > 0, `no Java line in the log: ${log().slice(-1500)}`);
    assert(facts.javaUsed.every((l) => /Using Java 17 from bundled: .*\/exts-bundled\/.*\/runtime\/bin\/java$/.test(l)),
      `the log says: ${JSON.stringify(facts.javaUsed)}`);
  }],
];

const scenarios = { data: featureSteps, nojava: noJavaSteps, bundled: bundledSteps };
const steps = scenarios[process.env.SCENARIO ?? 'data'];
assert(steps, `unknown SCENARIO ${process.env.SCENARIO}`);

let failed = 0;
for (const [name, body] of steps) {
  if (failed) {
    results.push({ name, ok: false, skipped: true, notReached: true });
    continue;
  }
  try {
    await step(name, body);
  } catch {
    failed++;
  }
}
await browser.close();

const passed = results.filter((r) => r.ok).length;
const skipped = results.filter((r) => r.skipped && !r.notReached).length;
writeFileSync(join(ARTIFACTS, `result-${process.env.SCENARIO ?? 'data'}.json`), JSON.stringify({ total_ms: Date.now() - t0, results, facts }, null, 1));
console.log(JSON.stringify(facts, null, 1));
console.log(`browser part: ${Date.now() - t0} ms`);
console.log(`${passed} passed, ${results.length - passed - skipped} failed, ${skipped} skipped`);
process.exit(failed ? 1 : 0);
