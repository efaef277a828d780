// Word lists the assess stage relies on. (Denial, claim and allegation cues live with the claims layer, in
// src/annotate/claims/cues.ts, which marks a claim's polarity.)

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

