// Standard names of one country or body that the initials rule (acronymOf: "European Union" -> "EU") cannot
// derive: other-language names, short names and acronyms not made of initials. Dotted and plain acronyms
// already share a key ("E.U." and "EU" -> "eu"), so only one of them needs listing. The first form is the
// canonical one. Each group notes the text that motivated it.

export const NAME_GROUPS: readonly (readonly string[])[] = [
  // "Serbia massing troops on border with Kosovo: US" beside "the United States" and "America's allies":
  // outlets write the country every way. "USA" is derived too, but "America" is not.
  ['United States', 'US', 'USA', 'United States of America', 'America'],
  // British outlets write "Britain", wire copy "U.K.", official text "the United Kingdom".
  ['United Kingdom', 'UK', 'Britain', 'Great Britain'],
  // The 2022 renaming: one seed article writes "Türkiye", others "Turkey".
  ['Turkey', 'Türkiye'],
  // The Albanian name is used by Kosovo-Albanian outlets (a seed article writes "the north of Kosova").
  ['Kosovo', 'Kosova'],
  ['Czech Republic', 'Czechia'],
  ['Ivory Coast', "Côte d'Ivoire"],
  ['Democratic Republic of the Congo', 'DRC', 'DR Congo'],
  ['Soviet Union', 'USSR'],
  ['Russia', 'Russian Federation'],
  // Acronyms not made of the name's initials ("Kosovo FORce", "Co-operation"), used by the seeds' outlets.
  ['Kosovo Force', 'KFOR'],
  ['Organization for Security and Co-operation in Europe', 'OSCE'],
  ['United Nations Interim Administration Mission in Kosovo', 'UNMIK'],
  ['European Union Rule of Law Mission in Kosovo', 'EULEX'],
  // The network renamed in 2023: "posted drone images on X (formerly Twitter)" (seed article 003).
  ['X', 'Twitter'],
  // British and American spellings of one alliance.
  ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'NATO'],
];
