// What a store target names: a PostgreSQL URL or an SQLite file. Kept apart from index.ts so that code
// which only prints or classifies a target does not load either database driver.

/** True for a `postgres://` or `postgresql://` URL (any case); anything else is an SQLite file path. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/**
 * `url` with its password replaced by "***" (in the user-info part and in a `password=` query parameter),
 * safe for logs and error messages. A string that is not a URL is returned with any `user:password@`
 * hidden the same way.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/\/\/([^/:@]*):[^/@]*@/, '//$1:***@');
  }
  if (parsed.password) parsed.password = '***';
  if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
  return parsed.href;
}
