// A story's dossier, kept up to date while the server analyses it. Large stories are built in worker threads
// and can take a while: the server answers 202 ("building", with the last version when there is one) and
// says when to ask again. This hook asks again until the current version arrives, and stops the moment the
// page goes away (the request in flight is aborted and no timer is left behind).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiProblem, fetchDossier, getStory, type Dossier, type DossierAnswer } from './api.js';

/**
 * How long the first request lets the server wait for a build. Short, so a reader of a story being analysed
 * learns so (with its size) within a second or two; later requests use the server's own, longer wait, so a
 * finished build is delivered at once rather than at the next poll.
 */
export const FIRST_WAIT_MS = 1500;
/** Longest pause between attempts while the server cannot be reached. */
const MAX_BACKOFF_MS = 30_000;

export interface DossierView {
  dossier: Dossier | null;
  /** The story version the shown dossier was built from. */
  version: number | null;
  /** Articles the story held at that version (more than the dossier analysed when the limit applied). */
  shownArticles: number | null;
  /** While a version newer than the one shown (or the first one) is being analysed: the story as it is now. */
  building: { storyArticles: number | null; title: string | null } | null;
  /** Nothing can be shown, and why. */
  problem: string | null;
  /** Something is shown, but keeping it up to date ran into trouble. */
  notice: string | null;
  /** The shown dossier replaced an older one while the page was open: the article counts of both. */
  replaced: { from: number; to: number } | null;
}

const INITIAL: DossierView = { dossier: null, version: null, shownArticles: null, building: null, problem: null, notice: null, replaced: null };

/** Resolves after `ms`, or at once when `signal` aborts (the timer is cleared either way). */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Gateway-style failures are worth retrying; a 4xx or a failed analysis will not change by asking again. */
const transient = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

async function follow(id: number, signal: AbortSignal, update: (change: (view: DossierView) => DossierView) => void): Promise<void> {
  // The story as it is now (title and article count), read when the story's version changes: the 202
  // answers describe the dossier they carry, not the story being analysed.
  let story: { version: number; articleCount: number; title: string } | null = null;
  let first = true;
  let failures = 0;
  while (!signal.aborted) {
    let answer: DossierAnswer;
    try {
      answer = await fetchDossier(id, { wait: first ? FIRST_WAIT_MS : undefined, signal });
    } catch (error) {
      if (signal.aborted) return;
      const problem = error instanceof ApiProblem ? error : new ApiProblem(0, (error as Error)?.message ?? String(error));
      if (first || !transient(problem.status)) {
        update((v) =>
          v.dossier
            ? { ...v, building: null, notice: `The newer version could not be analysed: ${problem.message}` }
            : { ...v, building: null, problem: problem.message },
        );
        return;
      }
      // Lost contact mid-way (a restart, a flaky network): keep what is shown and try again, more slowly each time.
      failures++;
      const delay = Math.min(MAX_BACKOFF_MS, 2000 * 2 ** (failures - 1));
      update((v) => ({ ...v, notice: `${problem.message} Trying again in ${Math.round(delay / 1000)} s.` }));
      await sleep(delay, signal);
      continue;
    }
    first = false;
    failures = 0;
    if (signal.aborted) return;

    if (answer.kind === 'current') {
      const { dossier, headers } = answer;
      update((v) => ({
        dossier,
        version: headers.dossierVersion,
        shownArticles: headers.storyArticles ?? dossier.articles.length,
        building: null,
        problem: null,
        notice: null,
        replaced: v.dossier ? { from: v.shownArticles ?? v.dossier.articles.length, to: headers.storyArticles ?? dossier.articles.length } : null,
      }));
      return;
    }

    const storyVersion = answer.headers.storyVersion;
    if (storyVersion === null || story?.version !== storyVersion) {
      // Only for the counts and title: without them the page still works, so a failure here is ignored.
      story = await getStory(id, signal)
        .then((r) => ({ version: r.story.version, articleCount: r.story.articleCount, title: r.story.title }))
        .catch(() => story);
      if (signal.aborted) return;
    }
    const now = story;
    if (answer.kind === 'stale') {
      const { dossier, headers } = answer;
      update((v) => {
        // The same older version as before: keep the object, so nothing on the page re-renders needlessly.
        const same = v.dossier !== null && v.version !== null && v.version === headers.dossierVersion;
        return {
          ...v,
          dossier: same ? v.dossier : dossier,
          version: headers.dossierVersion,
          shownArticles: same ? v.shownArticles : (headers.storyArticles ?? dossier.articles.length),
          building: { storyArticles: now?.articleCount ?? null, title: now?.title ?? null },
          problem: null,
          notice: null,
        };
      });
    } else {
      // With no dossier in the body, x-story-articles (when sent) is the story now.
      const count = answer.headers.storyArticles ?? now?.articleCount ?? null;
      update((v) => ({ ...v, building: { storyArticles: count, title: now?.title ?? null }, problem: null, notice: null }));
    }
    await sleep(answer.retryAfterMs, signal);
  }
}

/**
 * The dossier of story `id` as it becomes available; `dismiss` hides the "updated" notice; `refresh` follows
 * the story again after the page itself changed it (an article removed or restored), keeping what is shown
 * until the newer version arrives.
 */
export function useDossier(id: number): [DossierView, () => void, () => void] {
  const [view, setView] = useState<DossierView>(INITIAL);
  const [generation, setGeneration] = useState(0);
  const shownId = useRef<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    if (shownId.current !== id) setView(INITIAL);
    shownId.current = id;
    void follow(id, controller.signal, (change) => {
      if (!controller.signal.aborted) setView(change);
    });
    return () => controller.abort();
  }, [id, generation]);
  return [view, () => setView((v) => ({ ...v, replaced: null })), () => setGeneration((n) => n + 1)];
}
