// How `triangulate status` reads on a terminal: counts in words a person would write, a feed's URL said once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeStatus } from './commands/status.js';
import type { QueueStatus } from '../jobs/status.js';

test('status: one job is "1 job done", one failure "1 failure", and a failing feed is named once in its line', () => {
  const url = 'https://news.example/feed.xml';
  const status: QueueStatus = {
    queues: [],
    failed: [],
    workers: [
      { id: 'abcdef0123456789', host: 'desk-1', pid: 42, startedAt: '2026-11-30T10:00:00.000Z', lastSeen: '2026-11-30T10:05:00.000Z', state: 'running', jobsDone: 1, jobsFailed: 0, alive: true, assigner: true, currentJob: null },
    ],
    failingFeeds: [{ url, failures: 1, lastStatus: `${url}: HTTP 404`, lastCheckedAt: '2026-11-30T10:04:00.000Z', nextAttemptAt: '2026-11-30T10:34:00.000Z' }],
    intake: { batchesWaiting: 0, itemsWaiting: 0, oldestWaitingSince: null },
  };
  const text = describeStatus(status, 'postgres://triangulate:***@localhost/news');
  assert.match(text, /abcdef01 desk-1 pid 42: .*; 1 job done, 0 failed/);
  const feedLine = text.split('\n').find((l) => l.includes(url))!;
  assert.equal(feedLine, `  ${url}: 1 failure, last 2026-11-30T10:04:00.000Z: HTTP 404; next try 2026-11-30T10:34:00.000Z`);
});
