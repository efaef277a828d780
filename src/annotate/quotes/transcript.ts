// Interview and debate transcripts: every paragraph opens with the speaker's name in capitals and a colon
// ('"WALLACE: Let's start with breaking news ...', 'PENCE: Well, the question really should be ...').
import { firstTokenAtOrAfter, type Attribution, type AttributeInput } from './attribute.js';

const SPEAKER_TURN = /^[ \t]*["“]?[ \t]*(\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+){0,2}):[ \t]+(?=\S)/u;
// Capitalised labels that open paragraphs without naming a speaker ("UPDATE: ...", "EDITOR'S NOTE: ...").
const NOT_SPEAKERS = /^(UPDATE|UPDATED|NOTE|EDITOR'?S NOTE|EDITOR’S NOTE|BREAKING|WATCH|READ|READ MORE|RELATED|PHOTOS?|VIDEO|CORRECTION|CLARIFICATION|FULL TEXT|SOURCE|SOURCES|WASHINGTON|NEW YORK|PS|P\.S\.)$/;
// One capitalised label could be a heading; a transcript has turns.
const MIN_TURNS = 3;

export function attributeTranscript({ text, tokens, units }: AttributeInput, taken: Attribution[]): Attribution[] {
  const turns: { name: { start: number; end: number }; colon: number; start: number; end: number }[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const m = SPEAKER_TURN.exec(line);
    if (m && !NOT_SPEAKERS.test(m[1])) {
      const nameStart = lineStart + m[0].indexOf(m[1]);
      let end = lineStart + line.length;
      while (end > nameStart && /[\s"”]/.test(text[end - 1])) end--;
      turns.push({ name: { start: nameStart, end: nameStart + m[1].length }, colon: nameStart + m[1].length, start: lineStart + m[0].length, end });
    }
    lineStart += line.length + 1;
  }
  if (turns.length < MIN_TURNS) return [];
  const out: Attribution[] = [];
  for (const turn of turns) {
    if (turn.end <= turn.start || taken.some((a) => a.start < turn.end && a.end > turn.start)) continue;
    const from = firstTokenAtOrAfter(tokens, turn.name.start);
    const to = firstTokenAtOrAfter(tokens, turn.name.end);
    const colon = firstTokenAtOrAfter(tokens, turn.colon);
    if (to <= from || tokens[colon]?.text !== ':') continue;
    const unit = units.find((u) => u.start <= turn.start && u.end > turn.start);
    out.push({
      start: turn.start, end: turn.end, direct: true, partial: false,
      cue: { first: colon, last: colon, lemma: ':', kind: 'speech', sourceFirst: false },
      source: { from, to, start: tokens[from].start, end: tokens[to - 1].end },
      continues: null, paragraph: unit?.paragraph ?? 0, span: -1,
    });
  }
  return out;
}
