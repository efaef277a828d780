import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { MAX_DEPTH, prepareMarkup } from './markup.js';
import { parsePage } from './parse.js';
import { cleanArticle } from '../index.js';

/**
 * The tree of a DOM as a string of tag names and texts, to compare two parses (adjacent text nodes count as one:
 * a dropped stray end tag no longer splits a text in two).
 */
function shape(html: string): string {
  const { document } = parseHTML(html);
  const out: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const last = out.length - 1;
        if (out[last]?.startsWith('"')) out[last] = JSON.stringify(JSON.parse(out[last]) + child.textContent);
        else out.push(JSON.stringify(child.textContent));
      } else if (child.nodeType === 1) {
        out.push(`<${(child as Element).tagName.toLowerCase()}>`);
        walk(child);
        out.push(`</${(child as Element).tagName.toLowerCase()}>`);
      }
    }
  };
  walk(document);
  return out.join('');
}

test('the prepared markup builds the same tree as the original, implied end tags included', () => {
  const pages = [
    '<html><body><p>One<div>Two</div><p>Three<p>Four</body></html>',
    '<html><body><table><tr><td>1<td>2<tr><td>3</table><ul><li>a<li>b</ul></body></html>',
    '<html><body><p>Stray end tags</p></p></br><span>x</div>y</span><dl><dt>T<dd>D</dl></body></html>',
    '<html><body><select><option>a<option>b</select><h2>Head<p>Para</h2>after</body></html>',
    '<html><body><math><mi/>x<foo/>y</math><p>z<br/>w</p><div/>inside</div></body></html>',
  ];
  for (const page of pages) assert.equal(shape(prepareMarkup(page).markup), shape(page), page);
});

test('scripts, styles, SVG, noscript, templates, iframes and comments are dropped with their content; JSON-LD is read', () => {
  const page =
    '<html><head><script type="application/ld+json">{"headline": "Port reopens"}</script><style>p{color:red}</style></head>' +
    '<body><!-- a comment --><p>Kept<script>var x = "<p>not text</p>";</script> text</p><svg><g><text>chart</text></g></svg>' +
    '<noscript><p>enable JavaScript</p><script type="application/ld+json">{"author": "Jane"}</script></noscript><template><p>hidden</p></template><iframe><p>frame</p></iframe><p>End</p></body></html>';
  const prepared = prepareMarkup(page);
  assert.deepEqual(prepared.jsonLd, ['{"headline": "Port reopens"}', '{"author": "Jane"}']);
  const { document, jsonLd } = parsePage(page);
  assert.deepEqual(jsonLd, [{ headline: 'Port reopens' }, { author: 'Jane' }]);
  assert.equal(document.body.textContent, 'Kept textEnd');
  assert.ok(!/script|style|svg|noscript|template|iframe|<!--/.test(prepared.markup), prepared.markup);
});

test('data URIs, event handlers and data-* attributes are dropped; what the extractor reads is kept', () => {
  const page =
    '<html><body><img src="data:image/png;base64,AAAA" alt="x"><div class="story" id="main" data-track="1" onclick="go()" style="color:red;background:url(data:image/png;base64,' +
    'A'.repeat(300) + ')" hidden>' + '<a href="/x?a=1&amp;b=2" rel="author">Jane</a></div></body></html>';
  const { markup } = prepareMarkup(page);
  assert.ok(!markup.includes('data:'), markup);
  assert.ok(!/data-track|onclick/.test(markup), markup);
  const { document } = parseHTML(markup);
  const div = document.querySelector('div')!;
  assert.equal(div.getAttribute('class'), 'story');
  assert.equal(div.getAttribute('id'), 'main');
  assert.ok(div.hasAttribute('hidden'));
  assert.ok(div.getAttribute('style')!.startsWith('color:red'));
  assert.equal(document.querySelector('a')!.getAttribute('href'), '/x?a=1&b=2');
  assert.equal(document.querySelector('img')!.getAttribute('alt'), 'x');
});

test('unclosed elements past MAX_DEPTH are flattened: paragraph breaks and text survive, depth stays bounded', () => {
  const count = MAX_DEPTH + 500;
  const page = `<html><body>${'<div><span>Deep paragraph.</span>'.repeat(count)}</body></html>`;
  const { document } = parsePage(page);
  let depth = 0;
  for (let element: Element | null = document.body; element; element = element.lastElementChild) depth++;
  assert.ok(depth <= MAX_DEPTH + 1, `depth ${depth}`);
  assert.equal((document.body.textContent ?? '').split('Deep paragraph.').length - 1, count);
});

test('a page nested hundreds deep throughout is read whole, without Readability', () => {
  const story = 'The harbour authority said the river port reopened on Tuesday after three weeks of repairs to its cranes.';
  const page = `<html><body>${`${'<div class="level">'.repeat(300)}<p>${story}</p>${'</div>'.repeat(300)}`.repeat(20)}</body></html>`;
  const article = cleanArticle({ id: 'deep', origin: 'deep.html', format: 'html', content: page, hints: {} });
  assert.equal(article.text.split('\n\n').length, 20);
  const whole = article.diagnostics.find((d) => d.ruleId === 'clean/whole-page');
  assert.ok(whole && /deep on average/.test(whole.message), JSON.stringify(article.diagnostics));
});
