// Every real-world failure case in ../shared/cases/realworld, run as its README and `expected.json` say, with
// each expected value checked by what a user would see: the cleaned article (HTML pages), the dossier (JSONL
// records), the stored articles and stories (feeds served over loopback, local feed files, JSONL ingests).
// The checks are driven by the fields of `expected.json`, so a new case of a known shape needs no new code.
// Skips with a message when the shared folder is absent.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, cleanArticle, readInputs } from '../src/index.js';
import type { Article, Dossier } from '../src/index.js';
import { openStore } from '../src/store/index.js';
import type { ArticleStore } from '../src/store/index.js';
import { ingestSources } from '../src/ingest/index.js';

const casesDir = process.env.TRIANGULATE_CASES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/cases/realworld');
const present = existsSync(casesDir);
const skip = present ? false : `skipped: ${casesDir} is absent (the shared cases live beside the checkout in ../shared/cases/realworld)`;
const work = mkdtempSync(path.join(tmpdir(), 'realworld-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Values a cleaned page must have (`expected`, `expected_extra*` of HTML cases). */
interface PageExpectation {
  text_contains?: string[];
  text_not_contains?: string[];
  credits_contains?: string[];
  title?: string;
  byline?: string;
  outlet?: string;
  publishedAt_prefix?: string;
}

interface CaseFile {
  expected: Record<string, unknown>;
  run?: string;
  [key: string]: unknown;
}

/**
 * Checks that fail today, by subtest name, with the reason: reported as todo (visible in every run) rather than
 * hidden. An entry is removed when its fix lands.
 */
const KNOWN_GAPS: Record<string, string> = {
};
const todoOf = (name: string): string | false => KNOWN_GAPS[name] ?? false;
/** A named subtest of a case, marked todo when it is a known gap. */
const check = (t: { test: (name: string, options: { todo: string | false }, fn: () => Promise<void>) => Promise<void> }, name: string, fn: () => Promise<void>) =>
  t.test(name, { todo: todoOf(name) }, fn);

const caseFolders = present ? readdirSync(casesDir).filter((name) => existsSync(path.join(casesDir, name, 'expected.json'))).sort() : [];

async function cleanPage(file: string): Promise<Article> {
  const { articles, problems } = await readInputs([file]);
  assert.deepEqual(problems, [], `reading ${file}`);
  assert.equal(articles.length, 1);
  return cleanArticle(articles[0]);
}

function checkPage(article: Article, want: PageExpectation): void {
  for (const words of want.text_contains ?? []) assert.ok(article.text.includes(words), `text lacks "${words}"; text starts "${article.text.slice(0, 200)}"`);
  for (const words of want.text_not_contains ?? []) assert.ok(!article.text.includes(words), `text still holds "${words}"`);
  for (const credit of want.credits_contains ?? []) assert.ok(article.credits.includes(credit), `credits ${JSON.stringify(article.credits)} lack ${credit}`);
  if (want.title !== undefined) assert.equal(article.title, want.title);
  if (want.byline !== undefined) assert.equal(article.byline, want.byline);
  if (want.outlet !== undefined) assert.equal(article.outlet, want.outlet);
  if (want.publishedAt_prefix !== undefined) assert.ok((article.publishedAt ?? '').startsWith(want.publishedAt_prefix), `publishedAt ${article.publishedAt} does not start ${want.publishedAt_prefix}`);
}

/** The leading count of a prose expectation such as "7 stories of 1 article each: ...". */
function leadingCount(value: unknown): number | null {
  const match = typeof value === 'string' ? /^\s*(\d+)\s/.exec(value) : null;
  return match ? Number(match[1]) : null;
}

function checkDossier(dossier: Dossier, want: Record<string, unknown>): void {
  const perArticle = (want.per_article ?? []) as { credits?: string[] }[];
  perArticle.forEach((expected, i) => {
    if (expected.credits) assert.deepEqual(dossier.articles[i].credits, expected.credits, `article ${i + 1} credits`);
  });
  for (const [words, date] of Object.entries((want.timeline ?? {}) as Record<string, string>)) {
    const holding = dossier.timeline.filter((e) => e.text.includes(words));
    assert.ok(holding.some((e) => e.date === date), `"${words}" should be dated ${date}; entries ${JSON.stringify(holding.map((e) => e.date))}`);
  }
  for (const [words, date] of Object.entries((want.timeline_absent ?? {}) as Record<string, string>)) {
    const wrong = dossier.timeline.filter((e) => e.date === date && (e.text.includes(words) || date.length === 4));
    assert.deepEqual(wrong.map((e) => e.text), [], `"${words}" must not be dated ${date}`);
  }
  for (const [words, speaker] of Object.entries((want.quotes ?? {}) as Record<string, string>)) {
    const quotes = dossier.quotes.filter((q) => q.text.includes(words));
    if (speaker === 'NOT_A_QUOTE') assert.deepEqual(quotes.map((q) => q.text), [], `"${words}" is a title, not a quote`);
    else assert.ok(quotes.some((q) => q.speakerName === speaker || q.speaker === speaker), `"${words}" should be said by ${speaker}; got ${JSON.stringify(quotes.map((q) => q.speakerName ?? q.speaker))}`);
  }
}

/** Serves one file on loopback with the Content-Type the case's `run` names (else an RSS type). */
async function serveFile(file: string, run: string | undefined): Promise<{ url: string; close: () => void }> {
  const contentType = /Content-Type:\s*([^()]+?)\s*(?:\(|$)/i.exec(run ?? '')?.[1]?.replace(/[,.]$/, '') ?? 'application/rss+xml';
  const body = readFileSync(file);
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': contentType }).end(body));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/${path.basename(file)}`, close: () => server.close() };
}

async function storedArticles(store: ArticleStore): Promise<Article[]> {
  const articles: Article[] = [];
  const count = await store.articleCount();
  for (let id = 1; id <= count; id++) {
    const stored = await store.getArticle(id);
    if (stored) articles.push(stored.article);
  }
  return articles;
}

let storeCount = 0;
async function ingestInto(sources: string[]): Promise<ArticleStore> {
  const store = await openStore(path.join(work, `store-${++storeCount}.db`));
  await ingestSources(store, sources, { allowPrivate: true, fetchPages: false });
  return store;
}

test('real-world cases', { skip }, async (t) => {
  for (const folder of caseFolders) {
    const dir = path.join(casesDir, folder);
    const spec = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as CaseFile;
    const files = readdirSync(dir);
    const input = files.find((f) => f.startsWith('input.'));
    if (!input) continue;
    const inputPath = path.join(dir, input);
    const want = spec.expected;

    if (input.endsWith('.html')) {
      await check(t, `${folder}: ${input}`, async () => checkPage(await cleanPage(inputPath), want as PageExpectation));
      for (const extra of files.filter((f) => f.startsWith('extra-'))) {
        // "extra-dw.html" is checked against "expected_extra_dw" when the case names one, else "expected_extra".
        const slug = extra.replace(/^extra-|\.html$/g, '');
        const extraWant = (spec[`expected_extra_${slug}`] ?? spec.expected_extra) as PageExpectation | undefined;
        if (extraWant) await check(t, `${folder}: ${extra}`, async () => checkPage(await cleanPage(path.join(dir, extra)), extraWant));
      }
    } else if (input.endsWith('.jsonl') && leadingCount(want.stories) !== null) {
      await check(t, `${folder}: ingest gives ${leadingCount(want.stories)} stories`, async () => {
        const store = await ingestInto([inputPath]);
        try {
          const stories = await store.listStories();
          assert.equal(stories.length, leadingCount(want.stories), `stories: ${JSON.stringify(stories.map((s) => [s.articleCount, s.title]))}`);
        } finally {
          await store.close();
        }
      });
    } else if (input.endsWith('.jsonl')) {
      await check(t, `${folder}: dossier`, async () => checkDossier(await analyze([inputPath]), want));
    } else if (/\.(rss|atom|xml)$/.test(input)) {
      const parts: Record<string, unknown> = 'a' in want || 'b' in want ? want : { a: want };
      const served = parts.a as Record<string, unknown> | undefined;
      if (served) {
        await check(t, `${folder}: the feed ingested from a URL`, async () => {
          const server = await serveFile(inputPath, spec.run);
          const store = await ingestInto([server.url]);
          try {
            const articles = await storedArticles(store);
            assert.ok(articles.length > 0, 'no article stored from the feed');
            const article = served.article as { title?: string; publishedAt?: string; outlet?: string; text_startswith?: string } | undefined;
            if (article) {
              const first = articles.find((a) => a.title === article.title);
              assert.ok(first, `no article titled "${article.title}"; titles ${JSON.stringify(articles.map((a) => a.title))}`);
              if (article.outlet !== undefined) assert.equal(first.outlet, article.outlet);
              if (article.publishedAt !== undefined) assert.equal(new Date(first.publishedAt ?? '').toISOString(), new Date(article.publishedAt).toISOString());
              if (article.text_startswith !== undefined) assert.ok(first.text.startsWith(article.text_startswith), `text starts "${first.text.slice(0, 80)}"`);
            }
            // Items may be stored oldest first; the dates are compared as a set.
            if (Array.isArray(served.publishedAt)) assert.deepEqual(articles.map((a) => a.publishedAt).sort(), [...(served.publishedAt as string[])].sort());
            if (typeof served.story_title === 'string') assert.ok((await store.listStories()).some((s) => s.title === served.story_title), 'story title');
            const stories = leadingCount(served.stories);
            if (stories !== null) assert.equal((await store.listStories()).length, stories);
          } finally {
            await store.close();
            server.close();
          }
        });
      }
      if (parts.b) {
        await check(t, `${folder}: the feed given as a local file is read as its items`, async () => {
          const store = await ingestInto([inputPath]);
          try {
            const articles = await storedArticles(store);
            assert.ok(articles.length > 1, `${articles.length} article(s) stored from a local feed file`);
            for (const article of articles) assert.ok(!article.text.includes('<?xml') && !article.text.includes('<rss'), 'raw XML stored as article text');
          } finally {
            await store.close();
          }
        });
      }
    }
  }
});
