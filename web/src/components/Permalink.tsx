import { useContext } from 'preact/hooks';
import { ItemContext, itemHash } from './items.js';
import type { ItemKind } from '../router.js';

const NOUN: Record<ItemKind, string> = { fact: 'fact', dispute: 'dispute', quote: 'quote' };

/** A link to one item: following it (or sharing it) opens the story scrolled to the item, highlighted. */
export function Permalink({ kind, id }: { kind: ItemKind; id: string }) {
  const { storyId } = useContext(ItemContext);
  return (
    <a class="permalink" href={itemHash(storyId, { kind, id })} aria-label={`Link to this ${NOUN[kind]}`} title={`Link to this ${NOUN[kind]}`}>
      #
    </a>
  );
}
