// Permalinks: which item of a story a link points at, and the ids items are linked by. Facts carry their
// own ids; disputes and quotes have none in the dossier, so they are numbered in dossier order (d1, q1),
// which a rebuilt dossier keeps as long as the story's articles do not change.
import { createContext } from 'preact';
import type { Dispute, DossierQuote, Dossier } from '../api.js';
import { itemHash, type ItemKind, type ItemRef } from '../router.js';

export interface ItemContextValue {
  storyId: number;
  /** The item the URL points at: shown (lists unfolded), scrolled to and highlighted. */
  target: ItemRef | null;
  disputeIds: Map<Dispute, string>;
  quoteIds: Map<DossierQuote, string>;
  /** True while the reader narrows the story with search or filters: empty sections are then left out. */
  filtering: boolean;
}

export const ItemContext = createContext<ItemContextValue>({ storyId: 0, target: null, disputeIds: new Map(), quoteIds: new Map(), filtering: false });

export function itemIds(dossier: Dossier): Pick<ItemContextValue, 'disputeIds' | 'quoteIds'> {
  return {
    disputeIds: new Map(dossier.disputes.map((d, i) => [d, `d${i + 1}`])),
    quoteIds: new Map(dossier.quotes.map((q, i) => [q, `q${i + 1}`])),
  };
}

/** The element id of an item on the page ("item-fact-f3"). */
export const itemElementId = (kind: ItemKind, id: string) => `item-${kind}-${id}`;

export const isTarget = (target: ItemRef | null, kind: ItemKind, id: string | undefined) => !!target && !!id && target.kind === kind && target.id === id;

export { itemHash };
