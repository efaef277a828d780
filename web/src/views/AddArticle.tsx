import { useEffect, useRef, useState } from 'preact/hooks';
import { addArticle, type AddedArticle, type NewArticle } from '../api.js';
import { plural } from '../format.js';

type Kind = 'text' | 'url' | 'html';

const KINDS: [Kind, string, string][] = [
  ['text', 'Paste text', 'The article text; separate paragraphs with a blank line.'],
  ['url', 'From a URL', 'The page is fetched by the server and the article extracted from it.'],
  ['html', 'Paste HTML', 'The page source; navigation, ads and banners are removed.'],
];

export function AddArticle({ story }: { story?: number }) {
  const [kind, setKind] = useState<Kind>('text');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<AddedArticle | null>(null);

  async function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (name: string) => {
      const v = String(data.get(name) ?? '').trim();
      return v === '' ? undefined : v;
    };
    const article: NewArticle = { title: value('title'), outlet: value('outlet'), publishedAt: value('publishedAt') };
    if (kind === 'url') article.url = value('url');
    else {
      article[kind] = value('body');
      if (value('pageUrl')) article.url = value('pageUrl');
    }
    if (!article.url && !article.text && !article.html) {
      setProblem(kind === 'url' ? 'Give the address of the article.' : 'Paste the article first.');
      return;
    }
    setBusy(true);
    setProblem(null);
    setAdded(null);
    try {
      const result = await addArticle(article);
      setAdded(result);
      if (result.status === 'stored') form.reset();
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="add">
      <h1>Add an article</h1>
      <p class="muted">It is cleaned, stored once (a URL or text seen before is recognised), and placed in the story it belongs to, or starts a new one.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget as HTMLFormElement);
        }}
        aria-describedby="add-status"
      >
        <fieldset class="kinds">
          <legend>Source</legend>
          {KINDS.map(([k, label]) => (
            <label key={k} class={kind === k ? 'on' : ''}>
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {label}
            </label>
          ))}
        </fieldset>
        <div class="row">
          <label class="field">
            <span>Headline{kind === 'text' ? '' : ' (optional)'}</span>
            <input type="text" name="title" autoComplete="off" />
          </label>
          <label class="field">
            <span>Outlet</span>
            <input type="text" name="outlet" autoComplete="off" placeholder="e.g. Reuters" />
          </label>
          <label class="field">
            <span>Published</span>
            <input type="date" name="publishedAt" />
          </label>
        </div>
        <p class="hint">{KINDS.find(([k]) => k === kind)![2]}</p>
        {kind === 'url' ? (
          <label class="field">
            <span>Article URL</span>
            <input type="url" name="url" required placeholder="https://…" autoComplete="off" />
          </label>
        ) : (
          <>
            <label class="field">
              <span>{kind === 'text' ? 'Article text' : 'Page HTML'}</span>
              <textarea name="body" rows={12} required spellcheck={false} />
            </label>
            <label class="field">
              <span>Page address (optional)</span>
              <input type="url" name="pageUrl" placeholder="https://…" autoComplete="off" />
            </label>
          </>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Adding…' : 'Add article'}
        </button>
      </form>
      <div id="add-status" aria-live="polite">
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        {added && <Result added={added} story={story} />}
      </div>
    </section>
  );
}

function Result({ added, story }: { added: AddedArticle; story?: number }) {
  const box = useRef<HTMLDivElement>(null);
  // The form is long: without this the answer appears below the fold and the button seems to do nothing.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    box.current?.focus({ preventScroll: true });
  }, [added]);
  const joined = added.storyId !== null && story !== undefined && added.storyId === story;
  const s = added.story;
  const link = s && (
    <a href={`#/story/${s.id}`}>
      “{s.title}” (story {s.id}, {plural(s.articleCount, 'article')})
    </a>
  );
  let heading;
  if (added.status === 'duplicate') heading = s ? <>Already stored: this article was added before, to {link}.</> : <>Already stored: this article was added before.</>;
  else if (s && s.articleCount === 1) heading = <>Added: it starts a new story, {link}.</>;
  else if (joined) heading = <>Added: it joined this story, {link}.</>;
  else if (s) heading = <>Added: it joined the story {link}.</>;
  else heading = <>Added, but it is not in any story yet.</>;
  return (
    <div class={`result ${added.status}`} ref={box} tabIndex={-1}>
      <p>
        <strong>{heading}</strong>
      </p>
      {s && (
        <p>
          <a href={`#/story/${s.id}`} class="button">
            Open the story
          </a>
        </p>
      )}
    </div>
  );
}
