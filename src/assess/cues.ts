// Word lists the assess stage relies on. Matched against Porter stems of lowercased words.

// Denials and rejections: "Vucic later denied that...", "a claim rejected by...", "refutes false claims",
// "dismissed this accusation", "rebuffed reports".
export const DENIAL_STEMS = new Set(['deni', 'denial', 'reject', 'refut', 'dismiss', 'rebuf', 'rebut', 'disput']);

// Words that name the denied thing rather than say anything about the world ("allegations", "claims",
// "reports"): dropped when comparing a denial with the claim it answers.
export const CLAIM_NOUN_STEMS = new Set(['alleg', 'claim', 'report', 'accus', 'untruth', 'li', 'fals', 'recent', 'later', 'earlier']);

// Wire agencies and syndication sources, canonical name first. Two articles resting on the same wire
// story are not independent confirmations of each other ("lo/msh (AP, AFP, dpa, Reuters)").
export const WIRE_AGENCIES: string[][] = [
  ['AP', 'Associated Press'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['Reuters'],
  ['dpa', 'Deutsche Presse-Agentur'],
  ['AA', 'Anadolu', 'Anadolu Agency'],
  ['ANSA'],
  ['EFE'],
  ['UPI'],
  ['PA', 'Press Association'],
  ['Xinhua'],
  ['TASS'],
  ['Bloomberg'],
  ['BBC'],
  ['CNN'],
];

// Verbs that make a sentence somebody's claim, so it can stand as the side a denial answers:
// "the White House warned", "Kurti blamed Serbia", "US officials have described it as...".
// "call", "add" and "confirm" are left out: they rarely introduce the claim being denied.
export const CLAIM_CUE_STEMS = new Set(['said', 'told', 'warn', 'state', 'claim', 'alleg', 'accus', 'describ', 'urg', 'monitor', 'detect', 'wrote', 'post', 'blame']);
