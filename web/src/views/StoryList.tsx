import { useEffect, useState } from 'preact/hooks';
import { listStories, type StoryItem, type StoryQuery } from '../api.js';
import { formatDate, plural } from '../format.js';

function readQuery(): StoryQuery {
  try {
    return JSON.parse(sessionStorage.getItem('triangulate.query') ?? '{}') as StoryQuery;
  } catch {
    return {};
  }
}

export function StoryList() {
  const [query, setQuery] = useState<StoryQuery>(readQuery);
  const [draft, setDraft] = useState<StoryQuery>(query);
  const [result, setResult] = useState<{ total: number; stories: StoryItem[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const [more, setMore] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    sessionStorage.setItem('triangulate.query', JSON.stringify(query));
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
  return (
    <a class="story-card" href={`#/story/${story.id}`}>
      <h2>{story.title}</h2>
      <p class="outlets">{outlets.length ? outlets.slice(0, 4).join(' · ') + (outlets.length > 4 ? ` +${outlets.length - 4}` : '') : 'outlets not named'}</p>
      <dl class="stats">
        <div>
          <dt>articles</dt>
          <dd>{story.articleCount}</dd>
        </div>
        <div>
          <dt>outlets</dt>
          <dd>{story.outletCount}</dd>
        </div>
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
