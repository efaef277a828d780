// Boilerplate that survives copy-paste and main-content extraction, as data. Each group names the real kind of
// page that motivated it. A block (paragraph or line) is removed only when a pattern matches the WHOLE block
// (after whitespace normalization), so a story sentence that merely mentions cookies or comments is kept.

export interface BoilerplateRule {
  /** Recorded as RemovedPiece.reason. */
  reason: string;
  /** Tested against one trimmed block; anchored patterns only. */
  pattern: RegExp;
  /** Only blocks among the first/last few of the article (site slogans look like headlines elsewhere). */
  edgeOnly?: boolean;
}

const Q = `["'“”‘’«»]?`; // optional quote around a leaked line

export const BOILERPLATE_RULES: BoilerplateRule[] = [
  // Ad slots left as text by WordPress themes ("- Advertisement -"), newspaper CMSs ("ADVERTISEMENT",
  // "Story continues below advertisement") and German sites ("Anzeige").
  {
    reason: 'advertisement',
    pattern: /^[-–—_*•|\s]*(advertisements?|advertising|advert|ads?|sponsored( content| links?)?|promoted( content)?|paid (content|post)|anzeige|story continues below( this)? (advertisement|ad)|continue reading (the main story|below)|article continues below( advertisement)?|scroll to continue( with content)?|\(?ad\)?)[-–—_*•|\s.]*$/i,
  },
  // Cookie and consent banners pasted with the article text ("This website uses cookies to improve your
  // experience. We'll assume you're ok with this, but you can opt-out if you wish. AcceptRead More").
  {
    reason: 'cookie-banner',
    pattern: /^(this (web)?site uses cookies|we use cookies|we and our partners use cookies|by (continuing to use|using) (this|our) (web)?site,? you (agree|consent)|cookies? (policy|settings|preferences)\b|accept (all )?cookies|manage (cookie )?(consent|preferences))[^]{0,600}$/i,
  },
  // Video players on pages read without JavaScript (DW, CNN: "Please enable JavaScript to watch this video,
  // and consider upgrading to a web browser that supports HTML5 video.").
  {
    reason: 'video-player',
    pattern: /^(please )?(enable|turn on) javascript to (watch|view|play)[^]{0,200}$|^(to view this video,? )?please enable javascript[^]{0,200}$|^your browser does not support (the )?(html5 )?(video|audio)[^]{0,120}$|^javascript is (disabled|required)[^]{0,160}$|^(watch|video): ?[^.]{0,60}\d+:\d\d$/i,
  },
  // Photo galleries and share bars flattened into text (World Bulletin: "zoom in photo", "Share Photo";
  // most CMSs: "Share this article", "Share on Facebook", "Copy link").
  {
    reason: 'share-widget',
    pattern: /^((zoom in|enlarge|expand|view|open) (photo|image|gallery)|(share|save|print|email|e-mail|tweet|pin|copy link|copy article link)( (this|the)? ?(photo|image|article|story|page|link|post))?|share (on|via|to) (facebook|twitter|x|whatsapp|linkedin|email|reddit|telegram|pinterest)|click to (share|email|print)[^]{0,60}|(facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|email|print|share)([ ,|•·/]+(facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|print|share|copy link))+|follow us on [a-z ,&]+|\d+ (shares?|comments?))[\s.:!]*$/i,
  },
  // Comment sections and moderation notices (Turkish portals: "WARNING: Comments that contain insults,
  // swearing, ... are not approved."; WordPress: "Leave a Reply", "Your email address will not be published.").
  {
    reason: 'comments',
    pattern: /^(warning|note|attention)\s*[:!]\s*comments? (that|which|containing)[^]{0,500}$|^(leave a (reply|comment)|post a comment|add (a|your) comment|(show|view|load|read) (all )?(\d+ )?comments|comments?( \(\d+\))?|\d+ comments?|join the (conversation|discussion)|you must be logged in to post a comment\.?|your email address will not be published\.?( required fields are marked \*?)?|required fields are marked \*|cancel reply|comment policy[^]{0,300}|comments are (moderated|closed|reviewed|pre-moderated)[^]{0,300}|please keep (the|your) (discussion|comments?)[^]{0,200}|tell us what you think|join the conversation|have your say)[\s.:!…]*$/i,
  },
  // Related-article teasers glued to a headline by copy-paste (TRT World: "RelatedKosovo police raid Serb
  // locations following deadly monastery raid"): case matters, "Related" runs straight into a capital.
  { reason: 'related-link', pattern: /^(Related|RELATED|Read more|READ MORE|Also read|ALSO READ)(?=\p{Lu}\p{Ll})[^]{0,220}$/u },
  // ... or introduced by a label ("READ MORE: ...", "[Related: ...]", "More:", "You may also like...", "DON'T
  // MISS", RT's "Also on rt.com ..."); a bare label also starts a list of teaser headlines (see RELATED_LABEL).
  {
    reason: 'related-link',
    pattern: /^\[?\s*(related( articles?| stories| coverage| news| content| links?| posts?| reading| topics)?|(read|see) (more|also|next)|also read|recommended( for you| reading| stories)?|you (may|might) (also )?(like|be interested in)|(most (read|popular|viewed)|trending( now)?|more ([\w&' ]{1,30} )?(stories|news|articles|videos)( from [^.]{1,30})?|more from [^.]{1,30}|more|don'?t miss|story timeline|top stories|editor'?s picks|(recent|latest) (articles|posts|stories)|popular (this|last) (week|month)))\s*(([:|»›>\]-]|\.\.\.|…)\s*[^]{0,220})?$/i,
  },
  { reason: 'related-link', pattern: /^also on [a-z0-9.-]+\.[a-z]{2,}\b[^]{0,200}$/i },
  // Read-time labels beside the byline (Reuters 2020 "4 Min Read", Medium-style "5-minute read", "Reading time:
  // 3 minutes", German "Lesezeit: 4 Min.", French "5 min de lecture", Spanish "Tiempo de lectura: 3 min"). Only the
  // whole short label: "It is a 5-minute read of the report" is story text and is kept.
  {
    reason: 'read-time',
    pattern: /^(?:(?:about|approx\.?|ca\.?|~)\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*-?\s*(?:min(?:ute)?s?|mins?\.?|m)\.?\s*-?\s*(?:read(?:ing)?(?: time)?|de lectura|de lecture|de leitura|di lettura|lesezeit|lezen|leestijd)$|^(?:(?:estimated )?reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|leestijd)\s*[:：]?\s*(?:about\s*|ca\.?\s*)?\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*(?:min(?:ute)?s?|minuten|minutos|minuti|mins?\.?|m)\.?$/i,
  },
  // CSS breakpoint probes: empty-looking elements whose text is a run of breakpoint names, used by scripts to
  // read the active media query (Reuters 2020 ends every story with "for-phone-onlyfor-tablet-portrait-up
  // for-tablet-landscape-upfor-desktop-upfor-wide-desktop-up"; Bootstrap themes "xs sm md lg xl"; "mobile tablet
  // desktop"). At least two names and nothing else, so a lone word and any sentence are kept.
  {
    reason: 'breakpoint-probe',
    pattern: /^(?=[^]{0,200}$)(?:(?:for-)?(?:wide-|large-|small-)?(?:phone|mobile|tablet|desktop|laptop|widescreen|xxs|xs|sm|md|lg|xl|xxl|2xl)(?:-(?:only|up|down|portrait|landscape|and-up))*[\s,;|/·•]*){2,}$/i,
  },
  // An orphan byline word left when the author link was pruned (Reuters 2020: "By <a ...>Dana Reporter</a>"
  // leaves a paragraph "By"; German "Von", French "Par", Spanish/Portuguese "Por").
  { reason: 'byline', pattern: /^(?:by|von|par|por|door|di|av|af)\s*:?$/i },
  // UI button labels left as text (heise "mehr anzeigen" under a collapse box; "Show more", "Ver más", "Lire la
  // suite", "Leia mais", "Mostrar más", "Weiterlesen"; German audio players "Artikel vorlesen"; the Zox theme's
  // "Continue reading" under each appended story): the whole block is the label, maybe with an arrow or
  // ellipsis. "Read more" is a related-content label above. Story sentences that say "show more" are kept.
  {
    reason: 'ui-label',
    pattern: /^[\s+▼▾▲▴↓↑→›»>(\[]*(?:(?:show|see|view|load|expand) (?:more|less|all)|(?:mehr|weniger|alle) (?:anzeigen|lesen|zeigen|laden|erfahren)|(?:artikel )?(?:vorlesen|anhören)|weiterlesen|(?:click|tap) (?:here )?to (?:expand|enlarge|collapse)|read (?:the )?full (?:article|story)|continue reading|weiter lesen|mehr dazu|aufklappen|zuklappen|ausklappen|(?:ver|leer|mostrar|cargar) (?:más|mas|menos)|seguir leyendo|sigue leyendo|(?:lire|voir|afficher) (?:la suite|plus|moins|tout)|en savoir plus|(?:leia|ler|ver|mostrar|carregar) (?:mais|menos)|continue lendo|continuar lendo|continuar leyendo|(?:mostra|leggi|vedi|carica) (?:di più|di piu|altro|tutto|meno)|continua a leggere|(?:toon|lees|laad) (?:meer|minder)|verder lezen|pokaż (?:więcej|mniej)|czytaj (?:dalej|więcej)|daha fazla (?:göster|oku)|devamını oku|показать (?:ещё|еще|больше|все)|читать (?:далее|дальше|полностью)|(?:visa|läs|vis|læs|les) (?:mer|mere|mindre)|näytä (?:lisää|vähemmän)|lue lisää|expand|collapse|show|hide)[\s.…!)\]+▼▾▲▴↓↑→›»>]*$/iu,
  },
  // Newsletter and subscription boxes (most news CMSs: "Sign up for our daily newsletter", "Get the latest
  // news delivered to your inbox", "Subscribe now").
  {
    reason: 'newsletter',
    pattern: /^(sign up\s*((for|to) (our|the|my|email|free)\b|:)|subscribe (to|for|now|today)|click here to subscribe|get [^.]{0,60}(newsletters?|delivered|in your inbox)|(enter )?your e-?mail( address)?( here)?[\s.:*]*$|(daily|weekly|free) newsletter|newsletter sign-?up|by (signing up|subscribing),? you (agree|consent))[^]{0,300}$/i,
  },
  // Site slogans shown above or below the story (a WordPress news aggregator: "Fastest News Updates around the
  // World"): a short line of selling words about news, with no verb of a story.
  {
    reason: 'tagline',
    edgeOnly: true,
    pattern: /^(your |the )?(fastest|latest|breaking|trusted|best|top|daily|independent|reliable|24\/7|real-?time|first)( and \w+)?( \w+){0,2} (news|updates|headlines|stories|journalism|source)( (around|across|from|all|over|the|world|globe|nation|country|you|your|for|and|every|day|hour|minute|source|since|in))*$/i,
  },
  // Leaked replies of a rewriting tool inside syndicated copy (a lone "“I cannot reword.”"; "As an AI language
  // model, ..."; "Sure, here is the rewritten article:").
  {
    reason: 'rewrite-artefact',
    pattern: new RegExp(
      `^${Q}\\s*(i('m| am)? (cannot|can't|can ?not|am unable to|'m unable to|won't) (reword|rephrase|rewrite|paraphrase)[^]{0,120}|i'?m sorry,? but i (cannot|can't)[^]{0,160}|as an ai( language model)?[^]{0,200}|(sure|certainly)[,!]? here('s| is) (the|a|your) (rewritten|reworded|paraphrased)[^]{0,80}|(here is|here's) (the|a) (rewritten|reworded|paraphrased) (version|article|text)[^]{0,60})\\s*${Q}$`,
      'i',
    ),
  },
  // Photo gallery counters (Hearst papers: "Image 1 of / 9", Times Union "1of4", The Republic "1 of 6").
  { reason: 'gallery', pattern: /^(image|photo|slide|picture|foto)?\s*\d+\s*(of|\/)\s*\/?\s*\d+$/i },
  // Menu items and page controls that survive as lone blocks ("Sign In", "SUBSCRIBE", "Caption", "Close",
  // "Skip to content", "Loading content ...", New York Post "View author archive", WordPress "Filed under: ...").
  {
    reason: 'navigation',
    pattern: /^(home|sign in|sign up|log ?in|log ?out|register|subscribe|subscriber services|menu|search|close|caption|skip to (main )?content|loading( content)?\s*\.*|highlights|latest|popular|next|previous|back to top|view (author|all) [a-z]+|email the author|follow on (twitter|facebook|instagram)|about the authors?|categories|filed under\s*:?[^]{0,80}|posted in\s*:?[^]{0,80}|tagged( with)?\s*:[^]{0,100}|tags\s*:[^]{0,100}|iklan|werbung)[\s.:|]*$/i,
  },
  // Contact and follow lines after the story (NJ.com "Have a tip? ... Follow her on Twitter", Space.com "Email
  // Tariq Malik at ...", AP "Reach the reporters on Twitter at ...", BBC "Follow Newsbeat on Instagram, ...").
  {
    reason: 'contact',
    pattern: /^((have|got) a (news )?tip\?|(follow|email|e-mail|reach|contact|write to|listen to|join)\b[^]{0,160}\b(twitter|facebook|instagram|youtube|e-?mail|forums?|podcast|live at)\b)[^]{0,300}$/i,
  },
  // Sharing prompts (RT: "Like this story? Share it with a friend!").
  { reason: 'share-widget', pattern: /^(like this (story|article)\?|share this (story|article)[^]{0,60})[^]{0,80}$/i },
  // Affiliate disclosures (MSN "Microsoft may earn an Affiliate Commission ...", 9to5Mac "FTC: We use income
  // earning auto affiliate links.", recipe blogs "This post may contain affiliate ... links").
  {
    reason: 'disclosure',
    pattern: /^(ftc\s*:[^]{0,200}|this (post|article|page|story) (may )?contains? [^.]{0,40}affiliate[^]{0,200}|[^.]{0,60} may (earn|receive) (an? )?(small )?(affiliate )?commission[^]{0,200})$/i,
  },
  // Copyright and citation footers (Press TV "Copyright © 2019 ... All rights reserved.", Phys.org
  // "Citation: ... retrieved ... from https://..." and "This document is subject to copyright.").
  {
    reason: 'copyright',
    pattern: /^((copyright|©|\(c\))\s*[^]{0,200}|[^]{0,160}all rights reserved\.?|this (document|article|material) is subject to copyright[^]{0,300}|citation\s*:[^]{0,300}retrieved[^]{0,200}|via syndigate\.info)$/i,
  },
  // End marks of wire copy: Yonhap "(END)", "(ENDS)", "(MORE)", the newsroom "-30-" and "###". Not a credit
  // (before this rule "(END)" was read as a credit named "END" by the bare parenthesised-name pattern).
  { reason: 'end-mark', pattern: /^(?:[([]\s*(?:end|ends|more)\s*[)\]]|-+\s*(?:30|end)\s*-+|#{3})$/i },
  // Contributor lines (Reuters "Reporting by ...; Editing by ...", AP "... contributed to this report.",
  // NYT "Keith Bradsher contributed reporting from Hong Kong.").
  {
    reason: 'contributors',
    pattern: /^\(?((additional )?reporting by|writing by|editing by|compiled by|produced by)[^]{0,400}\)?$|^[^.]{0,300}\bcontributed (to this (report|story|article)|reporting)\b[^.]{0,80}\.?\)?$/i,
  },
  // A bare link or a labelled link ("https://www.chron.com/...", Telegraph podcast "Listen: http://po.st/...").
  { reason: 'link', pattern: /^([\p{L}' ]{1,30}\s*:\s*)?((https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(\.[\w-]+)+|([a-z0-9-]+\.)+[a-z]{2,}\/\S*)$/iu },
  // Paywall and app prompts left in text (many US dailies: "Subscribe to continue reading", "Download our app").
  {
    reason: 'paywall',
    pattern: /^(subscribe to (continue|keep) reading|this (article|content) is (only )?(available|for) (to )?(subscribers|members)|already a subscriber\?[^]{0,80}|(download|get) (our|the) (free )?app[^]{0,100}|log ?in to (continue|read)[^]{0,60})$/i,
  },
];

/** A block that is only a related-content label ("More:", "DON'T MISS", "You may also like..."): the short
 * headline blocks right after it are teasers too (Express "DON'T MISS" lists, Al Jazeera "More:"). */
export const RELATED_LABEL =
  /^\[?\s*(related( articles?| stories| coverage| news| content| links?| posts?)?|(read|see) (more|also)|also read|recommended( for you| reading| stories)?|you (may|might) (also )?like|most (read|popular|viewed)|trending( now)?|more ([\w&' ]{1,30} )?(stories|news|articles)( from [^.]{1,30})?|more from [^.]{1,30}|more|don'?t miss|story timeline|top stories|(recent|latest) (articles|posts|stories)|popular (this|last) (week|month))\s*([:|»›>\]-]|\.\.\.|…)?$/i;

// Wire agencies by canonical name first, then the other ways copy spells them. A credit read from a dateline
// ("MOSCOW (AP) —"), a contributor line ("The Associated Press contributed to this report.") or a credit line
// ("Sources: Associated Press, Reuters") is reported under the canonical name, so copies of one wire story on
// different outlets share one credit. The assess stage compares credits and outlets with this same list. It holds
// the international agencies plus the national agencies whose datelines appear in syndicated copy
// (Yonhap "SEOUL, Sept. 24 (Yonhap) --", Kyodo, AAP, PTI, Canadian Press, ANP, Belga, Lusa, Interfax...).
export const WIRE_AGENCY_NAMES: string[][] = [
  ['AP', 'Associated Press', 'The Associated Press'],
  ['AFP', 'Agence France-Presse', 'Agence France Presse'],
  ['Reuters', 'Thomson Reuters'],
  ['dpa', 'Deutsche Presse-Agentur'],
  ['AA', 'Anadolu', 'Anadolu Agency'],
  ['ANSA'],
  ['EFE', 'Agencia EFE'],
  ['UPI', 'United Press International'],
  ['PA', 'Press Association', 'PA Media'],
  ['Xinhua', 'Xinhua News Agency'],
  ['TASS'],
  ['Bloomberg', 'Bloomberg News'],
  ['BBC'],
  ['CNN'],
  ['Yonhap'],
  ['Kyodo', 'Kyodo News'],
  ['AAP', 'Australian Associated Press'],
  ['CP', 'Canadian Press', 'The Canadian Press'],
  ['PTI', 'Press Trust of India'],
  ['IANS'],
  ['ANI'],
  ['KNA'],
  ['ANP'],
  ['Belga'],
  ['Lusa'],
  ['Interfax'],
  ['Europa Press'],
  ['APA'],
  ['IRNA'],
  ['Bernama'],
  ['Antara'],
];

/**
 * Capitalised words in a dateline's agency slot that are not agencies: copy-desk and story-type tags
 * ("(UPDATE 2)", "(CORRECTED)", "(VIDEO)"), time zones, and the end mark "(END)" that closes Yonhap and other
 * wire copy. An unknown all-caps token is a credit only when it is not one of these.
 */
export const NOT_CREDIT_WORDS = new Set([
  'END', 'ENDS', 'MORE', 'UPDATE', 'UPDATED', 'UPDATES', 'CORRECTED', 'CORRECTION', 'REFILE', 'RPT', 'REPEAT', 'VIDEO', 'AUDIO', 'PHOTO',
  'PHOTOS', 'WATCH', 'LIVE', 'FILE', 'EXCLUSIVE', 'ANALYSIS', 'OPINION', 'EDITORIAL', 'BREAKING', 'URGENT', 'FLASH', 'NEWS',
  'AM', 'PM', 'GMT', 'UTC', 'EST', 'EDT', 'CET', 'CEST', 'BST', 'PST', 'PDT', 'CST', 'CDT', 'MSK', 'KST', 'JST', 'IST',
]);

/**
 * An opening dateline with its credit: place, optional date, the credit in parentheses, then a dash (or ".-",
 * "--", ":") before the story: "MOSCOW (AP) —" (AP), "Frankfurt/Main (dpa) -" (dpa), "Nova York, 24 set
 * (EFE).-" (EFE, Portuguese), "LOS ANGELES (Reuters) -", "SEOUL, Sept. 24 (Yonhap) --", "Düsseldorf
 * (dpa/lnw) -" (dpa regional service). The place is up to five capitalised words joined by spaces or "/"
 * with the usual lower-case particles ("Rio de Janeiro", "Frankfurt am Main"); the optional part after a
 * comma is a date or region ("24 set", "Sept. 24", "Calif."). CNN and Reuters also open with the credit
 * alone ("(CNN) —"), so the place may be missing; the agency check (see datelineCredits) then demands a
 * known agency. Group 1: the place (or undefined), group 2: the parenthesised credit.
 */
export const DATELINE_CREDIT =
  /^(?:(\p{Lu}[\p{L}.'’-]*(?:(?:\s+|\s*\/\s*)(?:\p{Lu}[\p{L}.'’-]*|de|da|do|dos|das|del|di|la|le|am|an|im|upon|on|sur|el|al)){0,4})(?:\s*,\s*[\p{L}\p{N}.'’]+(?:\s+[\p{L}\p{N}.'’]+){0,3})?\s+)?\(([^()]{2,40})\)\s*\.?\s*(?:--|[-—–:])\s*\S/u;

/** An unknown credit in the dateline slot: a short all-caps agency token ("KUNA", "WAM", "BSS"), not a word. */
export const DATELINE_AGENCY_TOKEN = /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u;

/**
 * An agency contributor line (AP "The Associated Press contributed to this report.", "Reuters and AFP
 * contributed to this report."): removed as boilerplate ("contributors") but it is also a credit. Group 1 is
 * the subject; it counts only when every name in it is a known agency, so "Keith Bradsher contributed
 * reporting" or "Associated Press writer Jane Doe contributed to this report." (a person) are not credits.
 */
export const AGENCY_CONTRIBUTED =
  /^[(—–-]?\s*([^.()]{2,120}?)\s+(?:also\s+)?contributed (?:to this (?:report|story|article)|reporting)\b[^.]{0,40}\.?\)?$/i;

// Agencies and their usual short forms, recognised in credit lines ("lo/msh (AP, AFP, dpa, Reuters)" at the end
// of DW stories; "Source: BBC" on Turkish portals). Longer names are accepted as written.
export const CREDIT_LINE_PATTERNS: RegExp[] = [
  // DW editor initials followed by the wire list: "lo/msh (AP, AFP, dpa, Reuters)".
  /^[a-z]{1,5}(?:\/[a-z]{1,5})*\s*\(([^()]{2,120})\)$/,
  // "Source: BBC", "Sources: AP, Reuters", "Credit: AFP", "Via: Reuters".
  /^(?:sources?|credits?|via|agencies)\s*[:：]\s*([^.]{2,120})\.?$/i,
  // A bare agency list on its own line: "(AP, Reuters)", "— AFP".
  /^[(—–-]\s*((?:AP|AFP|Reuters|dpa|DPA|ANSA|EFE|Xinhua|TASS|Anadolu|AA|PA|UPI|KNA|IANS|PTI|Bloomberg)(?:\s*[,/&]\s*(?:AP|AFP|Reuters|dpa|DPA|ANSA|EFE|Xinhua|TASS|Anadolu|AA|PA|UPI|KNA|IANS|PTI|Bloomberg))*)\s*\)?$/,
  // A paragraph that is only a parenthesised source name ends many syndicated stories: "(Coastal Wire)",
  // "(Reuters, AFP)". Story text never stands alone in parentheses as a short run of capitalised names.
  /^\(((?:[A-Z][\w.'-]*)(?:\s+[A-Z][\w.'-]*){0,3}(?:\s*[,/&]\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})*)\)$/,
  // "With agencies", "Compiled from wire reports" have no names; "with AP and Reuters" has.
  /^(?:with|additional reporting (?:by|from)|reporting (?:by|from)|compiled (?:by|from))\s+((?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)*)\.?$/,
];

// Photo captions copied with the text end with the picture credit: "... a former Serbian breakaway province.
// / Photo: AA" (TRT World), "(Photo: Reuters)", "Photograph: Darko Vojinovic/AP", "Image: Getty Images".
export const CAPTION_PATTERN =
  /(?:^|\s)(?:[/|]\s*)?[([]?(?:photo(?:graph)?s?|images?|pictures?|picture credit|foto|(?:photo|image) credit)(?:\s+by)?\s*[:：]\s*[^.!?]{1,80}[)\]]?\s*$/i;
/**
 * Other caption shapes: a credit glued to the caption ("... sought treatmentCredit: EPA", NYT "Credit...Anna
 * Moneymaker/The New York Times"), an agency photo credit in brackets ("(AP Photo/David Zalubowski)", "(NASA
 * via AP, File)"), BBC "Image copyright Getty Images" / "Image caption ...", Reuters "FILE PHOTO: ...".
 */
export const CAPTION_PATTERNS_EXTRA: RegExp[] = [
  /(?:credits?|photo|image)(?::|\.\.\.|…)\s*[^.!?]{1,80}$/i,
  /\((?:[^()]{0,40}\b(?:photo|via|file)\b[^()]{0,60})\)$/i,
  /^(?:image|photo) (?:copyright|caption)\b/i,
  /^file photo\s*:/i,
  /\(\s*(?:image|photo) credit\s*:[^)]{1,80}\)$/i,
];
/** A caption line that is nothing but the credit ("Photo: Reuters", "Getty Images"). */
export const BARE_PHOTO_CREDIT =
  /^(?:(?:[([]?\s*(?:photo|image|picture|foto)s?\s*(?:by|:)?\s*)?(?:getty images|afp(?: via getty images)?|reuters|ap photo|epa|shutterstock|anadolu agency|aa)(?:\s*\/\s*[\w .-]+)?[)\]]?|[^.!?]{1,80}\s*[|/]\s*(?:getty images|shutterstock|ap|afp|reuters|epa(?:-efe)?|bloomberg|ap photo|the new york times|nasa|getty)|reuters\/[^.!?]{1,60}|\((?:[\w .,&-]{1,50}\/)+[\w .,&-]{1,50}\))$/i;

// Bylines pasted into the body: "By John Smith", "By Jane Doe and Ann Lee, Reuters", "Written by ...".
export const BYLINE_PATTERN =
  /^(?:(?:[Ww]ritten |[Rr]eported |[Ss]tory )?[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or)\s+([A-Z][\p{L}.'-]+(?:\s+(?:[A-Z][\p{L}.'-]+|de|van|von|der|da|al|bin|el|la))*(?:\s*(?:,|and|&)\s*[A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+)*)*)(?:\s*[,|–—-]\s*[\p{L} .]{1,40})?$/u;

/** Words that may sit beside a date on a metadata line: " date 2023-09-30 WORLD", "Last Update : ...". */
export const METADATA_LABEL_WORDS =
  /\b(?:date|dated|published|publish|posted|updated?|last|modified|created|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|cet|cest|est|edt|cst|cdt|mst|mdt|pst|pdt|hst|akst|bst|ist|amt|aest|jst|msk|eet|eest|local time|time|mins?|minutes?|read|reading)\b/gi;

/** Words that make a line a date stamp even without a full date: "Updated Nov 19, 9:41 AM". */
export const METADATA_LABEL = /\b(?:published|posted|updated?|modified|last update)\b/i;

// ---- HTML: elements that are never the story ----

/** Tags removed before extraction: page chrome, controls and figure captions (every news site's menus, "Share" buttons). */
export const CHROME_TAG_NAMES = new Set(['NAV', 'ASIDE', 'FOOTER', 'BUTTON', 'SELECT', 'INPUT', 'TEXTAREA', 'DIALOG', 'MENU', 'FIGCAPTION']);

/** ARIA roles of page chrome (sites that build menus from divs: role="navigation"). */
export const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alertdialog|toolbar|tablist)$/i;

/**
 * Class/id words of elements that are not story text, matched as whole words of a class or id split on
 * "-", "_" and camelCase humps. Groups, with the pages that motivated them:
 * - captions and credits (Houston Chronicle "caption-full", Vox "c-caption", Getty credit lines);
 * - galleries and slideshows (Hearst "Image 1 of / 9" carousels);
 * - share bars and social widgets ("share-tools", "social-links");
 * - related and recommended lists (Sky "More from UK", Al Jazeera "More:", Outbrain/Taboola widgets);
 * - newsletter, subscription, paywall and cookie boxes;
 * - author bio boxes and bylines (9to5Mac "About the Author", pv magazine author box), date lines;
 * - ads and sponsored slots; comment sections; breadcrumbs, tag lists, sidebars and menus.
 */
export const JUNK_CLASS_WORDS = new Set([
  'caption', 'captions', 'figcaption', 'credit', 'credits', 'copyright', 'photographer',
  'gallery', 'slideshow', 'carousel', 'slider', 'lightbox',
  'share', 'sharing', 'sharebar', 'social', 'sociable', 'addthis', 'sharethis', 'shareaholic',
  'related', 'recommended', 'recommendations', 'recirc', 'recirculation', 'outbrain', 'taboola', 'trending', 'popular', 'mostread', 'more',
  'newsletter', 'subscribe', 'subscription', 'signup', 'paywall', 'cookie', 'cookies', 'consent', 'gdpr',
  'author', 'authors', 'bio', 'byline', 'bylines', 'dateline', 'timestamp', 'published', 'date',
  'ad', 'ads', 'advert', 'advertisement', 'adslot', 'adunit', 'sponsor', 'sponsored', 'promo', 'promotion', 'affiliate',
  'comment', 'comments', 'disqus', 'respond', 'reply',
  'breadcrumb', 'breadcrumbs', 'tags', 'tag', 'sidebar', 'widget', 'widgets', 'menu', 'nav', 'navbar', 'navigation', 'toolbar',
  'footer', 'masthead', 'banner', 'modal', 'popup', 'overlay', 'hidden', 'print', 'skip', 'jump',
]);

/** Class/id words of embedded posts quoted by the story (nj.com "social-media-embed" around a tweet): kept. */
export const EMBED_CLASS_WORDS = new Set(['embed', 'embedded', 'tweet', 'oembed']);

/** Class/id words that mark a real content wrapper even when a junk word is also present ("article-body social"). */
export const CONTENT_CLASS_WORDS = new Set(['article', 'body', 'content', 'story', 'entry', 'post', 'text', 'main']);

/**
 * Class/id words of overlays: when the heading of the page's story sits inside one, the overlay is the story's
 * view and the page under it is background (Yahoo News: the AP story in <div class="render-target-modal"> above
 * the news stream).
 */
export const OVERLAY_CLASS_WORDS = new Set(['modal', 'overlay', 'popup', 'popover', 'dialog']);

/**
 * Elements that make up a story's flow: paragraphs, subheads and block quotes. One of these whose class or id
 * carries a junk word but which stands beside the story's paragraphs is story (Wired's <p class="paywall"> on
 * every metered paragraph, heise's <h3 class="subheading" id="nav_schredder_statt__0"> subheads).
 */
export const STORY_FLOW_TAGS = new Set(['P', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE']);

/**
 * The junk class words that say where, when or for whom an element is shown (behind a paywall, in a menu, in an
 * overlay, hidden on print) rather than what it holds: on a paragraph beside story paragraphs they are overruled
 * (Wired "paywall", heise "nav_..."). Words that say what the element is stay decisive even there: WordPress
 * <p class="image-credit"> and <p class="jetpack-slideshow-noscript"> sit between story paragraphs, and so does
 * an author bio at the end (The Space Review).
 */
export const WEAK_CLASS_WORDS = new Set([
  'paywall', 'subscription', 'nav', 'navbar', 'navigation', 'menu', 'toolbar', 'sidebar', 'widget', 'widgets', 'footer', 'masthead',
  'banner', 'modal', 'popup', 'overlay', 'hidden', 'print', 'skip', 'jump', 'more',
]);
