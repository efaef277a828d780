// Waiting for a condition in tests: a generous deadline against hanging, never a claim about how fast
// something is (a loaded 2-core CI machine may be many times slower than a laptop).

/** What `waitFor` gives a test by default: long enough for a loaded CI machine, short of the test timeouts. */
export const WAIT_TIMEOUT_MS = 60_000;

/**
 * Calls `check` every `everyMs` (default 100) until it returns, or resolves to, a truthy value, and resolves
 * with that value. Rejects with "timed out waiting for <what>" once `timeoutMs` (default WAIT_TIMEOUT_MS)
 * has passed; an error thrown by `check` rejects at once.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? WAIT_TIMEOUT_MS);
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 100));
  }
}

/**
 * How long a test lets one dossier build take. Builds run in worker threads at nice +10 (src/server/dossier-pool.ts),
 * so next to other busy processes they get a small share of the CPU: a build of seconds on an idle machine took
 * nearly four minutes next to two busy processes.
 */
export const BUILD_TIMEOUT_MS = 600_000;

/**
 * GETs `url`, a dossier (or export) URL with `?wait=`, again for as long as the server answers 202 "building",
 * and resolves with the first other response. Each request already waits up to its `wait` (at most 60 s) on
 * the server; this lets a build outlast that on a loaded machine. Rejects after `timeoutMs` (default BUILD_TIMEOUT_MS).
 */
export async function fetchWhenBuilt(url: string, options: { timeoutMs?: number } = {}): Promise<Response> {
  const deadline = Date.now() + (options.timeoutMs ?? BUILD_TIMEOUT_MS);
  for (;;) {
    const response = await fetch(url);
    if (response.status !== 202) return response;
    await response.arrayBuffer();
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${url} to be built`);
  }
}
