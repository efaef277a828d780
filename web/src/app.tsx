import { useEffect, useRef } from 'preact/hooks';
import { useRoute } from './router.js';
import { StoryList } from './views/StoryList.js';
import { StoryPage } from './views/StoryPage.js';
import { AddArticle } from './views/AddArticle.js';

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  // After navigation, move focus to the page so keyboard and screen-reader users start at the top. Not on
  // the first load: the browser starts at the top of the document then, where the skip links are.
  const loaded = useRef(false);
  useEffect(() => {
    if (!loaded.current) {
      loaded.current = true;
      return;
    }
    main.current?.focus({ preventScroll: true });
    scrollTo(0, 0);
  }, [route.page, route.page === 'story' ? route.id : 0]);
  // The page title names the page, so history, tabs and screen readers tell pages apart (a story sets its own).
  useEffect(() => {
    if (route.page === 'list') document.title = 'Stories · Triangulate';
    else if (route.page === 'add') document.title = 'Add an article · Triangulate';
    else if (route.page === 'missing') document.title = 'Not found · Triangulate';
  }, [route.page]);

  return (
    <>
      {/* Skip links move focus without changing the hash: the hash is the route here. */}
      <nav class="skips" aria-label="Skip links">
        <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), main.current?.focus())}>
          Skip to main content
        </a>
        {route.page === 'story' && (
          <a
            class="skip"
            href="#sources"
            onClick={(e) => {
              e.preventDefault();
              const pane = document.getElementById('sources');
              pane?.scrollIntoView({ block: 'start' });
              pane?.focus({ preventScroll: true });
            }}
          >
            Skip to sources
          </a>
        )}
      </nav>
      <header class="top">
        <a class="brand" href="#/" aria-label="Triangulate: all stories">
          <svg viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
            <path d="M16 3 30 28H2z" fill="none" stroke="currentColor" stroke-width="3" stroke-linejoin="round" />
            <circle cx="16" cy="19" r="3.5" fill="#e4572e" />
          </svg>
          Triangulate
        </a>
        <nav aria-label="Main">
          <a href="#/" aria-current={route.page === 'list' ? 'page' : undefined}>
            Stories
          </a>
          <a class="button small" href={route.page === 'story' ? `#/add?story=${route.id}` : '#/add'} aria-current={route.page === 'add' ? 'page' : undefined}>
            + Add article
          </a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {route.page === 'list' && <StoryList query={route.query} />}
        {route.page === 'story' && <StoryPage id={route.id} item={route.item} key={route.id} />}
        {route.page === 'add' && <AddArticle story={route.story} />}
        {route.page === 'missing' && (
          <section class="empty">
            <h1>Nothing here</h1>
            <p>
              There is no page at <code>{route.path}</code>. <a href="#/">Back to the stories</a>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}
