// End-to-end, like browser.test.ts: the workspace features a fact-checker relies on, in Chromium at laptop
// and phone widths: search and filters inside a story, permalinks, exports, removing an article (and undo),
// skip links, jump links clear of the sticky bar, accessibility (axe-core) of the list, the story page and
// the HTML report, and the screenshots in docs/screenshots. Skips (with the reason) when Chromium is absent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { seedsDir } from '../../eval/data.js';
import { fetchWhenBuilt } from '../../test/wait.js';
import { startServer, type RunningServer } from './index.js';
import { renderHtml } from '../report/index.js';
import type { Dossier } from '../dossier/types.js';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_SKIP, ROOT, WEB_ROOT, ensureWebBuilt, launchChromium, watchErrors } from '../../test/browser.js';

const root = ROOT;
const webRoot = WEB_ROOT;
const screenshots = path.join(root, 'docs/screenshots');
const examples = path.join(root, 'examples/harbour-fire');
const LAPTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const skipReason = CHROMIUM_SKIP;
const seedSkip = skipReason ?? (!existsSync(seedsDir) ? `skipped: ${seedsDir} is absent` : false);

let context: BrowserContext | undefined;
let closeBrowser: (() => Promise<void>) | undefined;
let seeds: RunningServer | undefined;
let seedStory = 0;
let seedDossier: Dossier | undefined;

before(async () => {
  if (skipReason) return;
  await ensureWebBuilt();
  ({ context, close: closeBrowser } = await launchChromium({ viewport: LAPTOP, acceptDownloads: true }));
  if (seedSkip) return;
  // One seeds server for the read-only tests: its dossier is built once.
  seeds = await startServer({ from: [seedsDir], port: 0, webRoot });
  const list = (await (await fetch(`${seeds.url}/api/stories`)).json()) as { stories: { id: number }[] };
  seedStory = list.stories[0].id;
  seedDossier = (await (await fetchWhenBuilt(`${seeds.url}/api/stories/${seedStory}/dossier?wait=60000`)).json()) as Dossier;
});

after(async () => {
  await closeBrowser?.();
  await seeds?.close();
});

async function newPage(): Promise<Page> {
  const page = await context!.newPage();
  // Scrolling jumps instead of gliding, so positions are final when measured.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

async function openStory(page: Page, server: RunningServer, id: number, suffix = ''): Promise<void> {
  await page.goto(`${server.url}/#/story/${id}${suffix}`);
  await page.locator('#disputes').waitFor({ timeout: 60_000 });
}

/**
 * axe-core in the page. It is evaluated through the DevTools protocol rather than added as a script tag, so
 * the server's Content-Security-Policy (script-src 'self') stays as it is.
 */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
}

/** Pixels the page scrolls sideways (0 when nothing is wider than the screen). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

/** The bottom of the sticky top bar, in viewport pixels. */
const topBar = (page: Page) => page.evaluate(() => document.querySelector('.top')!.getBoundingClientRect().bottom);

test('story page: title, skip links, jump links clear of the top bar, search and filters, permalinks, accessibility', { skip: seedSkip }, async () => {
  const page = await newPage();
  const errors = watchErrors(page);
  const dossier = seedDossier!;
  try {
    await page.setViewportSize(LAPTOP);
    await openStory(page, seeds!, seedStory);
    assert.match(await page.title(), /· Triangulate$/);
    assert.ok((await page.title()).length > ' · Triangulate'.length + 5, 'the title names the story');

    // Skip links: the first Tab stops of a freshly opened page reach "main content" and "sources".
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to main content');
    assert.ok(await page.evaluate(() => document.activeElement!.getBoundingClientRect().left >= 0), 'the focused skip link is on screen');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to sources');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sources', 'focus is in the sources pane');
    assert.match(page.url(), new RegExp(`#/story/${seedStory}$`), 'the route is unchanged');

    // Jump links: the section's heading lands below the sticky bar, not under it.
    await page.evaluate(() => scrollTo(0, 0));
    for (const [label, id] of [
      ['Timeline', 'timeline'],
      ['Numbers', 'numbers'],
      ['Provenance', 'provenance'],
    ]) {
      await page.locator('.jump a', { hasText: label }).click();
      const top = await page.locator(`#${id} h2`).evaluate((el) => el.getBoundingClientRect().top);
      assert.ok(top >= (await topBar(page)), `${label} heading (top ${top}) is not under the top bar`);
    }

    // Why: matched facts say why; provenance says who copies whom; entities are listed; figures say what happened.
    assert.ok((await page.locator('#corroborated .why').count()) > 0, 'corroborated facts say why they were matched');
    assert.match(await page.locator('#provenance').innerText(), /Who copies whom/);
    assert.equal(await page.locator('#entities .entities li').count(), dossier.entities.length);
    assert.match(await page.locator('#numbers').innerText(), /killed/);
    assert.equal(await page.locator('#numbers .chart svg line.axis').count(), 2 * dossier.numberChanges.length, 'each change chart has two axes');
    // Timeline: grouped by year, each sentence once.
    const years = await page.locator('#timeline .year-h').allInnerTexts();
    assert.deepEqual(years, [...new Set(dossier.timeline.map((t) => t.date.slice(0, 4)))].sort());
    const sentences = await page.locator('#timeline .entries > li > span:first-child').allInnerTexts();
    assert.equal(new Set(sentences).size, sentences.length, 'no timeline sentence is shown twice');

    // Search inside the story narrows every list; the filters combine and clear.
    const facts = () => page.locator('.facts > li').count();
    const allFacts = await page.locator('#corroborated .facts > li, #single .facts > li').count();
    await page.locator('input[name="story-q"]').fill('NATO');
    await page.locator('.filter-status').filter({ hasText: 'match' }).waitFor();
    const natoFacts = dossier.facts.filter((f) => f.text.toLowerCase().includes('nato') || f.claimedBy?.some((c) => c.toLowerCase().includes('nato'))).length;
    assert.equal(await facts(), natoFacts, 'the fact lists keep the facts that mention NATO');
    assert.ok(natoFacts < allFacts);
    const natoQuotes = dossier.quotes.filter((q) => /nato/i.test(q.text) || /nato/i.test(q.speakerName ?? '')).length;
    assert.equal(await page.locator('#quotes li').count(), natoQuotes, 'quotes are narrowed too (by words or speaker)');
    await page.getByRole('button', { name: 'Clear' }).click();

    await page.locator('input[name="disputed"]').check();
    assert.equal(await page.locator('.dispute').count(), dossier.disputes.length);
    assert.equal(await page.locator('#corroborated, #single, #quotes, #timeline').count(), 0, 'only disputes are left');
    await page.locator('input[name="disputed"]').uncheck();

    const speaker = dossier.quotes.find((q) => q.speakerName)!.speakerName!;
    await page.locator('select[name="speaker"]').selectOption(speaker);
    const spoken = await page.locator('#quotes details.speaker summary strong').allInnerTexts();
    assert.deepEqual(spoken, [speaker], 'only that speaker’s quotes');
    assert.equal(await page.locator('#quotes li').count(), dossier.quotes.filter((q) => q.speakerName === speaker).length);
    await page.locator('select[name="speaker"]').selectOption('');

    await page.locator('input[name="numbers"]').check();
    assert.equal(await page.locator('#numbers').count(), 1);
    for (const text of await page.locator('.facts .fact-text').allInnerTexts()) assert.match(text, /\d/);
    await page.locator('input[name="numbers"]').uncheck();

    const outlet = await page.locator('select[name="outlet"] option').nth(1).evaluate((o) => (o as HTMLOptionElement).value);
    await page.locator('select[name="outlet"]').selectOption(outlet!);
    const n = await page.locator('.sources .source').evaluateAll((all, label) => all.findIndex((a) => a.querySelector('.source-head strong')?.textContent === label) + 1, outlet);
    const badges = await page.locator('#corroborated .facts > li, #single .facts > li').evaluateAll((items) => items.map((li) => [...li.querySelectorAll('.cite')].map((c) => c.textContent)));
    assert.ok(badges.length > 0 && badges.every((b) => b.includes(String(n))), `every fact left cites source ${n} (${outlet})`);
    await page.locator('select[name="outlet"]').selectOption('');
    assert.equal(await page.locator('#corroborated .facts > li, #single .facts > li').count(), allFacts);

    // Accessibility: no serious or critical axe violations on the story page.
    assert.deepEqual(await axe(page), []);

    // Permalinks: each fact, dispute and quote has one; opening it scrolls to the item (unfolding the list it
    // sits in when folded), highlights it and gives it focus.
    const shownFact = await page.locator('.facts > li').first().getAttribute('id');
    assert.equal(await page.locator(`#${shownFact} .permalink`).getAttribute('href'), `#/story/${seedStory}/fact/${shownFact!.replace('item-fact-', '')}`);
    assert.equal(await page.locator('.dispute .permalink').count(), dossier.disputes.length);
    // A fact folded away at first (far down a single-source group).
    const fact = dossier.facts.filter((f) => f.independentSources <= 1)[20] ?? dossier.facts[dossier.facts.length - 1];
    for (const [kind, id] of [
      ['fact', fact.id],
      ['dispute', `d${dossier.disputes.length}`],
      ['quote', `q${dossier.quotes.length}`],
    ]) {
      await page.goto('about:blank');
      await openStory(page, seeds!, seedStory, `/${kind}/${id}`);
      const item = page.locator(`#item-${kind}-${id}`);
      await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), `#item-${kind}-${id}`);
      assert.match((await item.getAttribute('class')) ?? '', /\btarget\b/, `the ${kind} is highlighted`);
      const box = await item.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      assert.ok(box.top >= (await topBar(page)) - 1 && box.top < LAPTOP.height, `the ${kind} is in view below the top bar (top ${box.top})`);
    }
    await page.screenshot({ path: path.join(screenshots, 'story-laptop-permalink.png') });

    // A citation: the source's name line stays in view, clear of the pane's sticky header.
    await page.evaluate(() => scrollTo(0, 0));
    await page.locator('#disputes .side.denial .cite').first().click();
    await page.locator('.sources mark.hit').first().waitFor();
    const articleId = await page.locator('#disputes .side.denial .cite').first().getAttribute('data-article');
    await page.waitForTimeout(100);
    const geometry = await page.evaluate((id) => {
      const head = document.querySelector('.sources-top')!.getBoundingClientRect();
      const name = document.querySelector(`.source[data-article="${CSS.escape(id!)}"] summary`)!.getBoundingClientRect();
      const pane = document.querySelector('.sources')!.getBoundingClientRect();
      return { headBottom: head.bottom, nameTop: name.top, nameBottom: name.bottom, paneBottom: pane.bottom };
    }, articleId);
    assert.ok(geometry.nameTop >= geometry.headBottom - 1 && geometry.nameBottom <= geometry.paneBottom, `the source's name line is visible (${JSON.stringify(geometry)})`);
    await page.screenshot({ path: path.join(screenshots, 'story-laptop-citation-name.png') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('story list: filters live in the URL and back/forward restore them; the card does not say "0 outlets"', { skip: seedSkip }, async () => {
  const page = await newPage();
  const errors = watchErrors(page);
  try {
    await page.setViewportSize(LAPTOP);
    await page.goto(`${seeds!.url}/#/`);
    const card = page.locator('.story-card').first();
    await card.waitFor();
    assert.match(await card.locator('.outlets').innerText(), /^5 articles, outlets not named$/);
    assert.doesNotMatch(await card.innerText(), /\b0\s*outlets/i);
    assert.equal(await page.title(), 'Stories · Triangulate');

    await page.locator('input[name=q]').fill('nothing-like-this-anywhere');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No story matches these filters.').waitFor();
    assert.match(page.url(), /#\/\?q=nothing-like-this-anywhere$/);
    await page.goBack();
    await card.waitFor();
    assert.equal(await page.locator('input[name=q]').inputValue(), '');
    await page.goForward();
    await page.getByText('No story matches these filters.').waitFor();
    assert.equal(await page.locator('input[name=q]').inputValue(), 'nothing-like-this-anywhere');
    // A shared link opens with its filters applied.
    await page.goto(`${seeds!.url}/#/?q=Kosovo`);
    await card.waitFor();
    assert.equal(await page.locator('input[name=q]').inputValue(), 'Kosovo');
    assert.match(await page.locator('.count').innerText(), /1 story match/);

    assert.deepEqual(await axe(page), []);
    await page.goto(`${seeds!.url}/#/`);
    await card.waitFor();
    await page.setViewportSize(PHONE);
    assert.ok((await sideways(page)) <= 1, 'the list fits a phone');
    await page.screenshot({ path: path.join(screenshots, 'story-list-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('phone: the story page fits, the coverage grid shows fact text, the HTML report passes axe', { skip: seedSkip }, async () => {
  const page = await newPage();
  const errors = watchErrors(page);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'triangulate-report-'));
  try {
    mkdirSync(screenshots, { recursive: true });
    await page.setViewportSize(PHONE);
    await openStory(page, seeds!, seedStory);
    assert.ok((await sideways(page)) <= 1, `the story page is ${await sideways(page)}px wider than a phone`);
    await page.locator('.story-head').screenshot({ path: path.join(screenshots, 'story-phone-head.png') });
    const grid = page.locator('#coverage');
    await grid.scrollIntoViewIfNeeded();
    const firstRow = page.locator('#coverage tbody tr').first();
    const text = await firstRow.locator('.fact-col').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth, visible: el.getBoundingClientRect().width > 0 }));
    assert.ok(text.visible && text.scroll <= text.client + 1, 'the fact text is shown whole on a phone');
    // A tall element is shot in pieces while scrolling: the sticky top bar would be drawn across its middle.
    await page.locator('.top').evaluate((el) => (el.style.visibility = 'hidden'));
    await page.locator('#coverage').screenshot({ path: path.join(screenshots, 'story-phone-coverage.png') });
    await page.locator('.top').evaluate((el) => (el.style.visibility = ''));
    assert.deepEqual(await axe(page), [], 'no serious or critical axe violations at phone width');

    // The HTML report of the same dossier, opened from a file.
    const report = path.join(folder, 'report.html');
    writeFileSync(report, renderHtml(seedDossier!));
    await page.setViewportSize(LAPTOP);
    await page.goto(pathToFileURL(report).href);
    assert.deepEqual(await axe(page), []);
    await page.screenshot({ path: path.join(screenshots, 'report-laptop.png') });
    await page.setViewportSize(PHONE);
    assert.ok((await sideways(page)) <= 1, `the report is ${await sideways(page)}px wider than a phone`);
    await page.screenshot({ path: path.join(screenshots, 'report-phone.png') });
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('export buttons download the story as JSON, Markdown, HTML and CSV', { skip: seedSkip }, async (t) => {
  // Another developer is adding the export endpoint: until it exists, this test says so and stops.
  const probe = await fetch(`${seeds!.url}/api/stories/${seedStory}/export?format=json`);
  if (probe.status === 404 && /no such resource/.test(await probe.text())) return t.skip('the server has no export endpoint yet');
  const page = await newPage();
  const errors = watchErrors(page);
  try {
    await openStory(page, seeds!, seedStory);
    const checks: Record<string, (body: string) => void> = {
      JSON: (body) => assert.equal((JSON.parse(body) as Dossier).facts.length, seedDossier!.facts.length),
      Markdown: (body) => assert.match(body, /^#\s+\S/m),
      HTML: (body) => assert.match(body, /<html[\s>]/i),
      CSV: (body) => assert.ok(body.split(/\r?\n/).length > 2 && body.includes(','), 'rows of comma-separated values'),
    };
    for (const [label, check] of Object.entries(checks)) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Export as ${label}` }).click()]);
      const file = await download.path();
      assert.ok(download.suggestedFilename().length > 0);
      check(readFileSync(file, 'utf8'));
    }
    assert.equal(await page.locator('.exports .problem').count(), 0);
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
  }
});

test('remove an article added by mistake: confirm, the story updates, undo brings it back', { skip: skipReason ?? false }, async (t) => {
  const server = await startServer({ from: [examples], port: 0, webRoot });
  const page = await newPage();
  const errors = watchErrors(page);
  try {
    const list = (await (await fetch(`${server.url}/api/stories`)).json()) as { stories: { id: number }[] };
    const storyId = list.stories[0].id;
    const { articles } = (await (await fetch(`${server.url}/api/stories/${storyId}`)).json()) as { articles: { id: number }[] };
    // Another developer is adding the hide/restore routes: until they exist, this test says so and stops.
    const probe = await fetch(`${server.url}/api/articles/${articles[0].id}/restore`, { method: 'POST' });
    if (probe.status === 404 && /no such resource/.test(await probe.text())) return t.skip('the server cannot hide articles yet');
    await openStory(page, server, storyId);
    // Why: a fact with several badges but one independent source says why they count once, by name.
    assert.match((await page.locator('#single').textContent()) ?? '', /One source only:\s*3 articles, 1 independent source: .*copies .*share the wire credit Coastal Wire/);
    assert.match(await page.locator('#provenance').innerText(), /Daily Roundup\s+copies\s+1\s+Coastal Wire/);
    const count = await page.locator('.sources .source').count();
    assert.ok(count >= 3);
    const last = page.locator('.sources .source').last();
    const name = (await last.locator('.source-head .title').innerText()).trim();
    await last.getByRole('button', { name: /^Remove source/ }).click();
    // The confirm step: nothing is removed until "Remove" is pressed.
    await last.locator('.confirm-hide').waitFor();
    assert.equal(await page.locator('.sources .source').count(), count);
    await page.locator('.sources').screenshot({ path: path.join(screenshots, 'story-remove-confirm.png') });
    await last.locator('.confirm-hide').getByRole('button', { name: 'Remove', exact: true }).click();
    await page.locator('.removed-note').waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.sources .source').length === n, count - 1, { timeout: 60_000 });
    assert.ok(!(await page.locator('.sources .source .title').allInnerTexts()).includes(name), 'the removed article is gone from the sources');
    assert.match(await page.locator('.removed-note').innerText(), /Removed “.+” from this story/);
    assert.match(await page.locator('.story-head').innerText(), new RegExp(`${count - 1} articles`));
    assert.ok(await page.locator('.removed-note button', { hasText: 'Undo' }).evaluate((el) => el === document.activeElement), 'focus moves to Undo');
    await page.locator('.sources').screenshot({ path: path.join(screenshots, 'story-removed-undo.png') });
    await page.locator('.removed-note').getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.sources .source').length === n, count, { timeout: 60_000 });
    assert.match(await page.locator('.story-head').innerText(), new RegExp(`${count} articles`));
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server.close();
  }
});
