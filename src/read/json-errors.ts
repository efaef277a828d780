// V8's JSON.parse messages either give "at position N" or quote the whole input (useless on one line for a
// large file). Users need the line, so this finds it: a prefix of the input that fails only because it ends
// early contains no error, and that property is monotone, so a binary search finds where the error starts.
// It runs only after a parse has already failed.

const AT_POSITION = /at position (\d+)/;

function failsBefore(content: string, length: number): boolean {
  const prefix = content.slice(0, length);
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    if (message.startsWith('Unexpected end')) return false;
    const position = AT_POSITION.exec(message);
    return !(position && Number(position[1]) >= prefix.length);
  }
}

/** One-line description of why `content` is not JSON, naming the 1-based line of the error. */
export function describeJsonError(content: string, error: unknown): string {
  const message = (error as Error).message ?? String(error);
  if (message.startsWith('Unexpected end')) return 'invalid JSON: the input ends too early';
  let low = 0;
  let high = content.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsBefore(content, mid + 1)) high = mid;
    else low = mid + 1;
  }
  const line = content.slice(0, low).split('\n').length;
  const what = message
    .split('\n')[0]
    .replace(/, ".*$/, '')
    .replace(/( in JSON)? at position \d+.*$/, '')
    .replace(/\.$/, '');
  return `invalid JSON on line ${line} (${what.charAt(0).toLowerCase()}${what.slice(1)})`;
}
