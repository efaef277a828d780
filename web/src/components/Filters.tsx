// Search and filters inside one story: the page's lists narrowed to what matches, without a round trip.
// The dossier is filtered as a whole (facts, disputes, quotes, timeline, numbers, summary), so every section
// and the coverage grid show the same selection.
import { useState } from 'preact/hooks';
import type { Dossier, Span } from '../api.js';
import type { SourceInfo } from './cite.js';
import { plural } from '../format.js';

export interface StoryFilter {
  text: string;
  speaker: string;
  /** A source label, as on the badges. */
  outlet: string;
  disputedOnly: boolean;
  numbersOnly: boolean;
}

export const NO_FILTER: StoryFilter = { text: '', speaker: '', outlet: '', disputedOnly: false, numbersOnly: false };

export const isFiltering = (f: StoryFilter) => !!(f.text.trim() || f.speaker || f.outlet || f.disputedOnly || f.numbersOnly);

const DIGIT = /\d/;

/** Everyone the story quotes or names as a claimant, most often first. */
export function speakersOf(dossier: Dossier): string[] {
  const counts = new Map<string, number>();
  const add = (name: string | null | undefined) => name && counts.set(name, (counts.get(name) ?? 0) + 1);
  dossier.quotes.forEach((q) => add(q.speakerName));
  dossier.facts.forEach((f) => f.claimedBy?.forEach(add));
  dossier.disputes.forEach((d) => d.sides.forEach((s) => s.by && add(s.byName)));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

export function filterDossier(dossier: Dossier, filter: StoryFilter, sources: Map<string, SourceInfo>): Dossier {
  if (!isFiltering(filter)) return dossier;
  const words = filter.text.trim().toLowerCase();
  const has = (...texts: (string | null | undefined)[]) => !words || texts.some((t) => !!t && t.toLowerCase().includes(words));
  const fromOutlet = (spans: Span[]) => !filter.outlet || spans.some((s) => sources.get(s.articleId)?.label === filter.outlet);
  const bySpeaker = (names: (string | null | undefined)[]) => !filter.speaker || names.includes(filter.speaker);
  // With a speaker chosen, only what somebody says can match: the summary, timeline and figures are the outlets' voice.
  const voiceOfOutlets = !filter.speaker && !filter.disputedOnly;
  const numbers = filter.numbersOnly;
  return {
    ...dossier,
    summary: voiceOfOutlets && !numbers ? dossier.summary.filter((s) => has(s.text) && fromOutlet(s.sources)) : [],
    disputes: dossier.disputes.filter(
      (d) =>
        (!numbers || d.kind === 'number') &&
        has(d.about, ...d.sides.flatMap((s) => [s.text, s.byName, s.value])) &&
        d.sides.some((s) => fromOutlet(s.sources)) &&
        bySpeaker(d.sides.map((s) => s.byName)),
    ),
    facts: filter.disputedOnly
      ? []
      : dossier.facts.filter(
          (f) => (!numbers || DIGIT.test(f.text) || !!f.why?.sharedNumbers.length) && has(f.text, ...(f.claimedBy ?? [])) && fromOutlet(f.sources) && bySpeaker(f.claimedBy ?? []),
        ),
    quotes: filter.disputedOnly || numbers ? [] : dossier.quotes.filter((q) => has(q.text, q.speakerName) && fromOutlet([q.span]) && bySpeaker([q.speakerName])),
    timeline: voiceOfOutlets && !numbers ? dossier.timeline.filter((t) => has(t.text) && fromOutlet(t.sources)) : [],
    quantities: voiceOfOutlets ? dossier.quantities.filter((q) => has(q.what, q.kind, q.owner, q.event) && fromOutlet(q.sources?.length ? q.sources : [q.span])) : [],
    numberChanges: voiceOfOutlets ? dossier.numberChanges.filter((c) => has(c.what) && fromOutlet(c.values.map((v) => v.span))) : [],
    entities: voiceOfOutlets && !numbers ? dossier.entities.filter((e) => has(e.name, ...e.aliases) && fromOutlet(e.mentions)) : [],
  };
}

/** "12 facts, 2 disputes and 3 quotes match": what the filters left, for the status line. */
export function matchLine(shown: Dossier): string {
  const parts = [plural(shown.facts.length, 'fact'), plural(shown.disputes.length, 'dispute'), plural(shown.quotes.length, 'quote')];
  const extra = shown.timeline.length + shown.quantities.length + shown.numberChanges.length;
  return `${parts.join(', ')}${extra ? ` and ${plural(extra, 'other item')}` : ''} match`;
}

export function FilterBar({
  filter,
  onChange,
  speakers,
  outlets,
  status,
}: {
  filter: StoryFilter;
  onChange: (next: StoryFilter) => void;
  speakers: string[];
  outlets: string[];
  status: string | null;
}) {
  const set = (patch: Partial<StoryFilter>) => onChange({ ...filter, ...patch });
  // On a phone only the search box shows until asked, so the story itself starts on the first screen; a
  // filter in force keeps the others shown.
  const [more, setMore] = useState(false);
  const open = more || !!(filter.speaker || filter.outlet || filter.disputedOnly || filter.numbersOnly);
  return (
    <form class={`story-filters${open ? ' more' : ''}`} role="search" aria-label="Search this story" onSubmit={(e) => e.preventDefault()}>
      <div class="field words">
        <label for="story-q">Search this story</label>
        <div class="search-row">
          <input type="search" id="story-q" name="story-q" value={filter.text} placeholder="e.g. troops" onInput={(e) => set({ text: e.currentTarget.value })} />
          <button type="button" class="quiet small toggle-more" aria-expanded={open} onClick={() => setMore(!open)}>
            {open ? 'Fewer' : 'Filters'}
          </button>
        </div>
      </div>
      <label class="field">
        <span>Speaker</span>
        <select name="speaker" value={filter.speaker} onChange={(e) => set({ speaker: e.currentTarget.value })}>
          <option value="">Anyone</option>
          {speakers.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>Source</span>
        <select name="outlet" value={filter.outlet} onChange={(e) => set({ outlet: e.currentTarget.value })}>
          <option value="">All sources</option>
          {outlets.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <div class="checks">
        <label>
          <input type="checkbox" name="disputed" checked={filter.disputedOnly} onChange={(e) => set({ disputedOnly: e.currentTarget.checked })} /> Disputed only
        </label>
        <label>
          <input type="checkbox" name="numbers" checked={filter.numbersOnly} onChange={(e) => set({ numbersOnly: e.currentTarget.checked })} /> Numbers only
        </label>
        {isFiltering(filter) && (
          <button type="button" class="quiet small" onClick={() => onChange(NO_FILTER)}>
            Clear
          </button>
        )}
      </div>
      <p class="filter-status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
    </form>
  );
}
