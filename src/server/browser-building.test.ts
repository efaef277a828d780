// End-to-end, like browser.test.ts: the UI while the server is still analysing a story (202 answers).
// Builds are made slow with the server's `dossierBuildDelayMs` (a minimum: a build never ends sooner),
// so the first request of the page, which lets the server wait only FIRST_WAIT_MS, is always answered 202.
// The moment the finished dossier reaches the page is held by intercepting its delivery (the server's 200
// is fetched for real, then handed over when the test has seen what it must see), so nothing depends on
// how fast this machine is. Skips (with the reason) when Chromium is absent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, type RunningServer } from './index.js';
import { readRecord } from '../read/index.js';
import { cleanArticle } from '../clean/index.js';
import { BUILD_TIMEOUT_MS, fetchWhenBuilt, waitFor } from '../../test/wait.js';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_SKIP, ROOT, WEB_ROOT, ensureWebBuilt, launchChromium, watchErrors } from '../../test/browser.js';

const root = ROOT;
const webRoot = WEB_ROOT;
const examples = path.join(root, 'examples/harbour-fire');
const LAPTOP = { width: 1366, height: 860 };
/** Every build takes at least this long: well over the page's first wait (FIRST_WAIT_MS in web/src/dossier-poll.ts, 1.5 s), so its first answer is a 202. */
const BUILD_DELAY_MS = 6000;
const DOSSIER = /\/api\/stories\/\d+\/dossier/;

const skipReason = CHROMIUM_SKIP;

let context: BrowserContext | undefined;
let closeBrowser: (() => Promise<void>) | undefined;

before(async () => {
  if (skipReason) return;
  await ensureWebBuilt();
  ({ context, close: closeBrowser } = await launchChromium({ viewport: LAPTOP }));
});

after(async () => {
  await closeBrowser?.();
});

interface Answer {
  status: number;
  dossierStatus: string | null;
}

/**
 * Intercepts the page's dossier requests: each is sent to the server as is, its answer recorded, and a 200
 * handed to the page only once `release()` is called (for the hold in place when it arrived; `hold()` puts a
 * new one in place). Everything else passes untouched.
 */
async function interceptDossiers(page: Page) {
  const answers: Answer[] = [];
  let requests = 0;
  let gate = { promise: Promise.resolve(), release: () => {} };
  const hold = () => {
    let release!: () => void;
    const promise = new Promise<void>((resolve) => (release = resolve));
    gate = { promise, release };
  };
  page.on('request', (r) => DOSSIER.test(r.url()) && requests++);
  await page.route(DOSSIER, async (route) => {
    try {
      const response = await route.fetch({ timeout: BUILD_TIMEOUT_MS });
      answers.push({ status: response.status(), dossierStatus: response.headers()['x-dossier-status'] ?? null });
      if (response.status() === 200) await gate.promise;
      await route.fulfill({ response });
    } catch {
      // The page aborted the request (it went elsewhere): nothing to deliver.
    }
  });
  return {
    answers,
    requests: () => requests,
    hold,
    release: () => gate.release(),
    /** Resolves when the server has answered 200 (the build is done), whether or not the page has it yet. */
    async built(): Promise<void> {
      await waitFor('the build to finish', () => answers.some((a) => a.status === 200), { timeoutMs: BUILD_TIMEOUT_MS });
    },
  };
}

async function firstStoryId(server: RunningServer): Promise<number> {
  const list = (await (await fetch(`${server.url}/api/stories`)).json()) as { stories: { id: number }[] };
  return list.stories[0].id;
}

/** Adds an article (written for this test, on the example's event) to story `storyId`: a new story version. */
async function addToStory(server: RunningServer, storyId: number, n: number): Promise<void> {
  const text = [
    `Investigators returned to the Port Alder harbour on Saturday to examine the remains of the grain warehouse destroyed by fire, update ${n}.`,
    'Fire chief Maria Lindqvist said the cause of the blaze had not yet been established and that the site would stay closed to the public.',
    'Halden Grain Ltd said it would cooperate fully with the investigation, while the Dockworkers Union repeated its warning about blocked fire doors.',
  ].join('\n\n');
  const put = await server.store.putArticle(
    cleanArticle(readRecord({ text, title: `Port Alder warehouse fire: investigators return (${n})`, outlet: `Harbour Gazette ${n}`, publishedAt: '2025-03-16', url: `https://gazette.example/fire/${n}` }, `follow-up-${n}`)),
  );
  assert.equal(put.status, 'stored');
  await server.store.setArticleStory(put.id, storyId);
}

test('a story analysed for the first time: the page says so with its size, asks again, then shows the dossier and its cap', { skip: skipReason ?? false }, async () => {
  let server: RunningServer | undefined;
  const page = await context!.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors = watchErrors(page);
  try {
    server = await startServer({ from: [examples], port: 0, webRoot, warmDossiers: false, dossierThreads: 1, dossierBuildDelayMs: BUILD_DELAY_MS, dossierWaitMs: 500, maxDossierArticles: 3 });
    const storyId = await firstStoryId(server);
    const dossiers = await interceptDossiers(page);
    dossiers.hold();
    await page.goto(`${server.url}/#/story/${storyId}`);

    const state = page.locator('.building-state');
    await state.waitFor();
    assert.match(await state.innerText(), /Analysing this story \(4 articles\)…/);
    assert.match(await page.locator('.loading.building h1').innerText(), /warehouse/i, 'the story is named while it is analysed');
    assert.deepEqual(dossiers.answers[0], { status: 202, dossierStatus: 'building' }, 'the server answered "building"');
    assert.equal(await page.locator('.story-head, #disputes, .sources').count(), 0, 'the building answer is not rendered as a dossier');

    // The page asks again by itself; the finished dossier is shown once it is delivered.
    await dossiers.built();
    assert.ok(dossiers.requests() >= 2, 'the page asked again after the 202');
    assert.equal(await state.count(), 1, 'still "analysing" until the dossier reaches the page');
    dossiers.release();
    await page.locator('#disputes').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('.building-state').count(), 0);
    assert.equal(await page.locator('.sources .source').count(), 3);

    // The story is over the per-dossier limit (3 here): the page says what was analysed.
    assert.match(await page.locator('.story-head').innerText(), /3 of 4 articles analysed/);
    assert.match(await page.locator('.story-head .capped').innerText(), /^This dossier analyses 3 of the story's 4 articles/);
    assert.equal(await page.locator('#problems', { hasText: 'analyses 3 of' }).count(), 0, 'said once, at the top');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server?.close();
  }
});

test('an older dossier is shown with a note while the newer one is analysed, swapped in keeping the citation; leaving stops the polling', { skip: skipReason ?? false }, async () => {
  let server: RunningServer | undefined;
  const page = await context!.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors = watchErrors(page);
  try {
    server = await startServer({ from: [examples], port: 0, webRoot, warmDossiers: false, dossierThreads: 1, dossierBuildDelayMs: BUILD_DELAY_MS, dossierWaitMs: 500 });
    const storyId = await firstStoryId(server);
    const v1 = await fetchWhenBuilt(`${server.url}/api/stories/${storyId}/dossier?wait=60000`);
    assert.equal(v1.status, 200);
    await v1.arrayBuffer();
    await addToStory(server, storyId, 1);

    const dossiers = await interceptDossiers(page);
    dossiers.hold();
    await page.goto(`${server.url}/#/story/${storyId}`);
    const note = page.locator('.version-note.building-note');
    await note.waitFor();
    assert.equal((await note.innerText()).trim(), 'A newer version with 5 articles is being analysed; showing the version of 4 articles.');
    assert.deepEqual(dossiers.answers[0], { status: 202, dossierStatus: 'building' });
    assert.equal(await page.locator('.sources .source').count(), 4, 'the older dossier is shown in full');

    // The reader follows a citation and scrolls on while the newer version is analysed.
    const cite = page.locator('#disputes .cite').first();
    const span = await cite.evaluate((el) => ({ article: el.dataset.article!, start: el.dataset.start!, end: el.dataset.end! }));
    await cite.click();
    const highlighted = await page.locator('.sources mark.hit').first().innerText();
    await page.locator('#timeline').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const before = await page.evaluate(() => ({ y: scrollY, top: document.getElementById('timeline')!.getBoundingClientRect().top }));
    assert.ok(before.y > 0);

    await dossiers.built();
    dossiers.release();
    await page.locator('.sources .source').nth(4).waitFor({ timeout: 60_000 });
    assert.equal(await note.count(), 0);
    assert.match(await page.locator('.version-note.updated').innerText(), /Updated: now showing the version of 5 articles \(was 4 articles\)/);
    assert.match(await page.locator('.story-head').innerText(), /5 articles/);
    const same = page.locator(`.analysis .cite[data-article="${span.article}"][data-start="${span.start}"][data-end="${span.end}"]`).first();
    assert.match((await same.getAttribute('class')) ?? '', /\bon\b/, 'the followed citation is still selected');
    assert.equal(await page.locator('.sources mark.hit').first().innerText(), highlighted, 'and still highlighted in its source');
    const afterSwap = await page.evaluate(() => document.getElementById('timeline')!.getBoundingClientRect().top);
    assert.ok(Math.abs(afterSwap - before.top) < 80, `the reader's place is kept (timeline moved from ${before.top} to ${afterSwap})`);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.locator('.version-note').count(), 0);

    // Another article: the page shows the note again; leaving the story stops asking the server.
    await addToStory(server, storyId, 2);
    await page.goto(`${server.url}/#/`);
    await page.locator('.story-card').first().waitFor();
    dossiers.hold();
    await page.goto(`${server.url}/#/story/${storyId}`);
    await note.waitFor();
    assert.match(await note.innerText(), /with 6 articles .* version of 5 articles/);
    await page.locator('.crumb a').click();
    await page.locator('.story-card').first().waitFor();
    const asked = dossiers.requests();
    // Long enough for two more polls (retry-after 2 s, server wait 0.5 s), and shorter than the build.
    await page.waitForTimeout(5000);
    assert.equal(dossiers.requests(), asked, 'no dossier request after leaving the story');
    dossiers.release();
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await server?.close();
  }
});
