import { useEffect, useMemo, useState } from 'preact/hooks';
import { listStories, type StoryItem, type StoryQuery } from '../api.js';
import { formatDate, plural } from '../format.js';
import { listHash } from '../router.js';

/**
 * The filters live in the URL (#/?q=…&outlet=…): searching navigates, so a filtered list can be linked and
 * back/forward step through earlier searches. `query` is the route's; the form edits a draft of it.
 */
export function StoryList({ query: routeQuery }: { query: StoryQuery }) {
  // The route object is new on every hash change; its content decides whether to fetch again.
  const key = listHash(routeQuery);
  const query = useMemo(() => routeQuery, [key]);
  const [draft, setDraft] = useState<StoryQuery>(query);
  const [result, setResult] = useState<{ total: number; stories: StoryItem[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [more, setMore] = useState(false);
  const setQuery = (next: StoryQuery) => {
    const hash = listHash(next);
    if (hash === location.hash || (hash === '#/' && (location.hash === '' || location.hash === '#'))) setRefresh((n) => n + 1);
    else location.hash = hash;
  };
  // Back/forward (or a pasted link) changed the filters: the form shows them.
  useEffect(() => setDraft(query), [query]);
  // Filters open on a phone when the link carries more than words, so nothing applied is hidden.
  useEffect(() => {
    if (query.entity || query.outlet || query.from || query.to) setMore(true);
  }, [query]);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    listStories(query, controller.signal)
      .then((r) => {
        setResult(r);
        setProblem(null);
        // Dossiers still being analysed in the background: look again shortly for their counts.
        if (r.stories.some((s) => !s.analysis)) timer = setTimeout(() => setRefresh((n) => n + 1), 1500);
      })
      .catch((error: Error) => error.name !== 'AbortError' && setProblem(error.message));
    // Leaving the list (or searching again) stops the look-again: no timer outlives the page.
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query, refresh]);

  const field = (key: keyof StoryQuery, label: string, type: 'search' | 'date' = 'search', placeholder = '') => (
    <label class={`field ${key}`}>
      <span>{label}</span>
      {type === 'date' ? (
        <input type="date" name={key} value={draft[key] ?? ''} onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} />
      ) : (
        <input type="search" name={key} value={draft[key] ?? ''} placeholder={placeholder} onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })} />
      )}
    </label>
  );
  const filtered = Object.values(query).some((v) => v);

  return (
    <section class="stories">
      <h1>Stories</h1>
      <form
        class={`filters${more ? ' more' : ''}`}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setQuery({ ...draft });
        }}
      >
        {field('q', 'Words', 'search', 'e.g. troops border')}
        {field('entity', 'Person, place or group', 'search', 'e.g. Vucic')}
        {field('outlet', 'Outlet', 'search', 'e.g. Reuters')}
        {field('from', 'From', 'date')}
        {field('to', 'To', 'date')}
        <div class="actions">
          <button type="submit">Search</button>
          <button type="button" class="quiet toggle-more" aria-expanded={more} onClick={() => setMore(!more)}>
            {more ? 'Fewer filters' : 'More filters'}
          </button>
          {filtered && (
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setDraft({});
                setQuery({});
              }}
            >
              Clear
            </button>
          )}
        </div>
      </form>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <p class="count" aria-live="polite">
          {filtered ? `${plural(result.total, 'story', 'stories')} match` : plural(result.total, 'story', 'stories')}
        </p>
      )}
      {result && result.stories.length === 0 && (
        <div class="empty">
          <p>{filtered ? 'No story matches these filters.' : 'No stories yet.'}</p>
          <p>
            <a href="#/add">Add an article</a>, or load articles with <code>triangulate ingest</code> or <code>triangulate serve --from FOLDER</code>.
          </p>
        </div>
      )}
      <ol class="story-cards">
        {result?.stories.map((story) => (
          <li key={story.id}>
            <StoryCard story={story} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function StoryCard({ story }: { story: StoryItem }) {
  const a = story.analysis;
  const outlets = story.outlets.filter((o) => o !== 'unknown outlet');
  // "0 outlets" read as "nobody published this": say instead that the articles do not name their outlet.
  const named = story.outletCount > 0 && outlets.length > 0;
  return (
    <a class="story-card" href={`#/story/${story.id}`}>
      <h2>{story.title}</h2>
      <p class="outlets">
        {named
          ? outlets.slice(0, 4).join(' · ') + (outlets.length > 4 ? ` +${outlets.length - 4}` : '')
          : `${plural(story.articleCount, 'article')}, outlets not named`}
      </p>
      <dl class="stats">
        <div>
          <dt>articles</dt>
          <dd>{story.articleCount}</dd>
        </div>
        {named && (
          <div>
            <dt>outlets</dt>
            <dd>{story.outletCount}</dd>
          </div>
        )}
        <div class={a && a.disputes ? 'disputed' : ''}>
          <dt>disputes</dt>
          <dd>{a ? a.disputes : <span class="pending" title="analysing">…</span>}</dd>
        </div>
        <div>
          <dt>corroborated</dt>
          <dd>{a ? a.corroborated : <span class="pending" title="analysing">…</span>}</dd>
        </div>
        <div class="updated">
          <dt>newest</dt>
          <dd>
            <time dateTime={story.lastPublished ?? story.updatedAt}>{story.lastPublished ? formatDate(story.lastPublished) : `added ${formatDate(story.updatedAt)}`}</time>
          </dd>
        </div>
      </dl>
    </a>
  );
}
