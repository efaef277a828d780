// Help, suggestions and wording of the command line: what a user sees before and around the real work.
import { test } from 'node:test';
import { spawnSync } from 'node:child_process';
import assert from 'node:assert/strict';
import { cli } from '../../test/cli.js';
import { analyzeCommand } from './analyze-command.js';
import * as commands from './commands/index.js';
import type { CliCommand } from './command.js';
import { parseOptions } from './options.js';
import { closestName } from './suggest.js';
import { describeSummary } from './commands/ingest.js';
import { servingLine } from './commands/serve.js';

const ALL: CliCommand[] = [analyzeCommand, ...Object.values(commands)];

test('every command has options, a summary and at least one example', () => {
  assert.deepEqual(ALL.map((c) => c.name).sort(), ['analyze', 'ingest', 'migrate', 'serve', 'status', 'stories', 'story', 'watch', 'worker']);
  for (const command of ALL) {
    assert.ok(command.options.length > 0, command.name);
    assert.ok(command.examples.length > 0, command.name);
    for (const example of command.examples) assert.match(example, new RegExp(`^triangulate ${command.name}\\b`), example);
    for (const option of command.options) assert.ok(option.description.length > 0 && !option.description.includes('\n'), `${command.name} --${option.name}`);
  }
});

test('<command> --help, help <command> and -h list every flag with its default and an example', async () => {
  for (const command of ALL) {
    const viaFlag = await cli(command.name, '--help');
    assert.equal(viaFlag.code, 0);
    assert.deepEqual(viaFlag.stderr, []);
    assert.equal((await cli('help', command.name)).stdout, viaFlag.stdout);
    assert.equal((await cli(command.name, '-h')).stdout, viaFlag.stdout);
    const help = viaFlag.stdout;
    assert.match(help, new RegExp(`^Usage: triangulate ${command.name}`, 'm'));
    assert.match(help, /^Examples?:\n {2}triangulate /m);
    for (const option of command.options) {
      const line = help.split('\n').find((l) => l.includes(`--${option.name}${option.value ? ` ${option.value}` : ''}  `) || l.endsWith(`--${option.name}`));
      assert.ok(line, `${command.name} help lists --${option.name}:\n${help}`);
      if (option.default !== undefined) assert.ok(line.includes(`(default: ${option.default}`), line);
    }
  }
  const store = (await cli('stories', '--help')).stdout;
  assert.match(store, /--store FILE\|URL .*\(default: .*triangulate\.db.*\$TRIANGULATE_STORE/);
  assert.match((await cli('analyze', '--help')).stdout, /--format md\|json\|html\|csv .*\(default: md\)/);
});

test('triangulate --help lists every command with every flag and an example', async () => {
  const { code, stdout } = await cli('--help');
  assert.equal(code, 0);
  for (const command of ALL) {
    assert.match(stdout, new RegExp(`^ {2}${command.name} +\\S`, 'm'));
    for (const option of command.options) assert.ok(stdout.includes(`--${option.name}`), `--help lists ${command.name} --${option.name}`);
    assert.ok(stdout.includes(`Example: ${command.examples[0]}`), command.name);
  }
  // No command at all is a usage mistake, with the same help.
  const bare = await cli();
  assert.equal(bare.code, 2);
  assert.equal(bare.stdout, stdout);
});

test('every flag the help lists is one the parser accepts, with the default the help states', () => {
  for (const command of ALL) {
    const args = command.options.flatMap((o) => (o.value ? [`--${o.name}`, o.default ?? 'x'] : [`--${o.name}`]));
    const { values } = parseOptions(command.options, args, { command: command.name });
    const defaults = parseOptions(command.options, [], { command: command.name }).values as Record<string, unknown>;
    for (const option of command.options) {
      assert.ok((values as Record<string, unknown>)[option.name] !== undefined, `${command.name} --${option.name}`);
      if (option.default !== undefined) assert.equal(defaults[option.name], option.default, `${command.name} --${option.name}`);
      if (option.value === undefined) assert.equal(defaults[option.name], false);
    }
  }
});

/** Exactly one stderr line, exit 2, no stack frame, matching `pattern`. */
async function mistake(pattern: RegExp, ...args: string[]): Promise<void> {
  const result = await cli(...args);
  const shown = `${args.join(' ')} -> ${result.code}: ${JSON.stringify(result.stderr)}`;
  assert.equal(result.code, 2, shown);
  assert.equal(result.stderr.length, 1, shown);
  assert.doesNotMatch(result.stderr[0], /\n|\bat .+:\d+:\d+|positional argument/, shown);
  assert.match(result.stderr[0], pattern, shown);
}

test('a mistyped option names the option it most likely meant, for every command', async () => {
  await mistake(/^triangulate analyze: unknown option --fromat \(did you mean --format\?\)$/, 'analyze', 'x.txt', '--fromat', 'md');
  await mistake(/^triangulate stories: unknown option --limt \(did you mean --limit\?\)$/, 'stories', '--limt', '3');
  await mistake(/unknown option --stroe \(did you mean --store\?\)$/, 'story', '1', '--stroe', 'x.db');
  await mistake(/unknown option --evry \(did you mean --every\?\)$/, 'watch', 'https://news.example/f', '--evry=5m');
  await mistake(/unknown option --alow-private \(did you mean --allow-private\?\)$/, 'ingest', 'x.txt', '--alow-private');
  await mistake(/unknown option --max-dosier-articles \(did you mean --max-dossier-articles\?\)$/, 'serve', '--max-dosier-articles', '9');
  // A long name given one dash, and a truncated one.
  await mistake(/unknown option -every \(did you mean --every\?\)$/, 'watch', 'https://news.example/f', '-every', '5m');
  await mistake(/unknown option --summary \(did you mean --summary-sentences\?\)$/, 'analyze', 'x.txt', '--summary', '3');
  // Nothing close: the line points at the help instead of guessing.
  await mistake(/^triangulate stories: unknown option --colour \(see: triangulate stories --help\)$/, 'stories', '--colour');
});

test('other option mistakes are one line in the same words', async () => {
  await mistake(/--out needs a value: --out FILE$/, 'story', '1', '--out');
  await mistake(/--out needs a value before --format/, 'story', '1', '--out', '--format', 'json');
  await mistake(/--once takes no value \(given "yes"\)$/, 'watch', 'https://news.example/f', '--once=yes');
  await mistake(/^triangulate stories: unexpected argument "extra"/, 'stories', 'extra');
});

test('a mistyped command names the command it most likely meant', async () => {
  await mistake(/^triangulate: unknown command 'anaylze' \(did you mean 'analyze'\?\)$/, 'anaylze', 'x.txt');
  await mistake(/^triangulate: unknown command 'stroies' \(did you mean 'stories'\?\)$/, 'stroies');
  await mistake(/^triangulate: unknown command 'serv' \(did you mean 'serve'\?\)$/, 'serv');
  await mistake(/^triangulate: unknown command 'anaylze' \(did you mean 'analyze'\?\)$/, 'help', 'anaylze');
  await mistake(/^triangulate: unknown command 'frobnicate' \(commands: analyze, ingest, migrate, serve, status, stories, story, watch, worker\)$/, 'frobnicate');
  await mistake(/^triangulate: unknown option --fromat \(give a command first/, '--fromat', 'md');
});

test('closestName: close, unambiguous prefix, or nothing', () => {
  assert.equal(closestName('fromat', ['format', 'out']), 'format');
  assert.equal(closestName('Format', ['format']), 'format');
  assert.equal(closestName('st', ['stories', 'story']), null, 'an ambiguous prefix is no suggestion');
  assert.equal(closestName('xyz', ['format', 'out']), null);
  assert.equal(closestName('', ['format']), null);
});

test('counts are worded for one and for many', () => {
  const summary = { stored: 1, revised: 0, duplicates: 0, storiesCreated: 1, merges: 1, feedsPolled: 1, feedsNotModified: 0, feedsFailed: 1, problems: 1 };
  assert.equal(
    describeSummary(summary as Parameters<typeof describeSummary>[0], 'news.db'),
    '1 new article, 1 new story, 1 story merged, 1 feed polled (0 unchanged, 1 failed), 1 problem; store news.db',
  );
  const many = { ...summary, stored: 2, storiesCreated: 2, merges: 2, feedsPolled: 2, problems: 2 };
  assert.match(describeSummary(many as Parameters<typeof describeSummary>[0], 'news.db'), /^2 new articles, 2 new stories, 2 stories merged, 2 feeds polled .*, 2 problems;/);
  assert.equal(servingLine('http://127.0.0.1:8080', 'memory', { stored: 1, storiesCreated: 1 }, 1), 'triangulate: serving http://127.0.0.1:8080 (store: memory, loaded 1 article into 1 story, watching 1 feed source); Ctrl-C stops');
  assert.equal(servingLine('http://h', 'memory', { stored: 3, storiesCreated: 2 }, 2), 'triangulate: serving http://h (store: memory, loaded 3 articles into 2 stories, watching 2 feed sources); Ctrl-C stops');
  assert.equal(servingLine('http://h', 'news.db', null, 0), 'triangulate: serving http://h (store: news.db); Ctrl-C stops');
});

test('a store URL from $TRIANGULATE_STORE is shown in every help without its password', () => {
  // The default is read when the modules load, so this runs the CLI as a user would, with the variable set.
  const env = { ...process.env, TRIANGULATE_STORE: 'postgres://desk:s3cret-pw@db.example/news' };
  for (const args of [['--help'], ['help', 'serve'], ['serve', '--help'], ['stories', '--help'], ['help', 'worker']]) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, encoding: 'utf8' });
    const shown = `${run.stdout}${run.stderr}`;
    assert.doesNotMatch(shown, /s3cret-pw/, args.join(' '));
    assert.match(shown, /postgres:\/\/desk:\*\*\*@db\.example\/news/, args.join(' '));
  }
});
