// Hash routes (#/, #/story/12, #/add): the server needs no fallback route and links work without JS state.
// The story list keeps its filters in the hash's query (#/?q=troops&outlet=BBC), so a filtered list can be
// shared and back/forward step through searches; a permalink to one item of a story is a path under it
// (#/story/12/fact/f3, #/story/12/dispute/d2, #/story/12/quote/q5).
import { useEffect, useState } from 'preact/hooks';
import type { StoryQuery } from './api.js';

export type ItemKind = 'fact' | 'dispute' | 'quote';
export interface ItemRef {
  kind: ItemKind;
  id: string;
}

export type Route =
  | { page: 'list'; query: StoryQuery }
  | { page: 'story'; id: number; item: ItemRef | null }
  | { page: 'add'; story?: number }
  | { page: 'missing'; path: string };

const QUERY_KEYS: (keyof StoryQuery)[] = ['q', 'entity', 'outlet', 'from', 'to'];

export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = full.split(/\?(.*)/s, 2);
  if (path === '/' || path === '') {
    const params = new URLSearchParams(search);
    const query: StoryQuery = {};
    for (const key of QUERY_KEYS) {
      const value = params.get(key)?.trim();
      if (value) query[key] = value;
    }
    return { page: 'list', query };
  }
  const story = /^\/story\/(\d+)(?:\/(fact|dispute|quote)\/([\w.-]+))?$/.exec(path);
  if (story) return { page: 'story', id: Number(story[1]), item: story[2] ? { kind: story[2] as ItemKind, id: decodeURIComponent(story[3]) } : null };
  const add = /^\/add$/.exec(path);
  if (add) {
    const id = new URLSearchParams(search).get('story');
    return { page: 'add', story: id && /^\d+$/.test(id) ? Number(id) : undefined };
  }
  return { page: 'missing', path: full };
}

/** The hash of the story list with these filters ("#/" without any). */
export function listHash(query: StoryQuery): string {
  const params = new URLSearchParams();
  for (const key of QUERY_KEYS) {
    const value = query[key]?.trim();
    if (value) params.set(key, value);
  }
  const search = params.toString();
  return search ? `#/?${search}` : '#/';
}

export function itemHash(storyId: number, item: ItemRef): string {
  return `#/story/${storyId}/${item.kind}/${encodeURIComponent(item.id)}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
