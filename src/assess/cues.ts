// Word lists the assess stage relies on. Matched against Porter stems of lowercased words.

// Denials and rejections: "Vucic later denied that...", "a claim rejected by...", "refutes false claims",
// "dismissed this accusation", "rebuffed reports".
export const DENIAL_STEMS = new Set(['deni', 'denial', 'reject', 'refut', 'dismiss', 'rebuf', 'rebut', 'disput']);

// Words that name the denied thing rather than say anything about the world ("allegations", "claims",
// "reports"): dropped when comparing a denial with the claim it answers.
export const CLAIM_NOUN_STEMS = new Set(['alleg', 'claim', 'report', 'accus', 'untruth', 'li', 'fals', 'recent', 'later', 'earlier']);

// Speech and assertion cues: the subject before them is who makes the statement.
export const ASSERTION_STEMS = new Set([
  'said', 'sai', 'say', 'told', 'tell', 'state', 'claim', 'alleg', 'accus', 'warn', 'urg', 'describ', 'announc', 'monitor',
  'detect', 'report', 'wrote', 'write', 'post', 'confirm', 'blame', 'ad', 'insist', 'call',
]);

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
