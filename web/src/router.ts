// Hash routes (#/, #/story/12, #/add): the server needs no fallback route and links work without JS state.
import { useEffect, useState } from 'preact/hooks';

export type Route = { page: 'list' } | { page: 'story'; id: number } | { page: 'add'; story?: number } | { page: 'missing'; path: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/' || path === '') return { page: 'list' };
  const story = /^\/story\/(\d+)$/.exec(path);
  if (story) return { page: 'story', id: Number(story[1]) };
  const add = /^\/add(?:\?story=(\d+))?$/.exec(path);
  if (add) return { page: 'add', story: add[1] ? Number(add[1]) : undefined };
  return { page: 'missing', path };
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
