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
    pattern: /^(warning|note|attention)\s*[:!]\s*comments? (that|which|containing)[^]{0,500}$|^(leave a (reply|comment)|post a comment|add (a|your) comment|(show|view|load|read) (all )?(\d+ )?comments|comments?( \(\d+\))?|\d+ comments?|join the (conversation|discussion)|you must be logged in to post a comment\.?|your email address will not be published\.?( required fields are marked \*?)?|required fields are marked \*|cancel reply|comment policy[^]{0,300})[\s.:!]*$/i,
  },
  // Related-article teasers glued to a headline by copy-paste (TRT World: "RelatedKosovo police raid Serb
  // locations following deadly monastery raid"): case matters, "Related" runs straight into a capital.
  { reason: 'related-link', pattern: /^(Related|RELATED|Read more|READ MORE|Also read|ALSO READ)(?=\p{Lu}\p{Ll})[^]{0,220}$/u },
  // ... or introduced by a label ("READ MORE: ...", "Also read: ...", "Related articles", "Most read").
  {
    reason: 'related-link',
    pattern: /^(related( articles?| stories| coverage| news| content| links?| posts?| reading| topics)?\s*([:|»›>-][^]{0,220})?|(read|see) (more|also|next)\s*[:|»›>-][^]{0,220}|also read\s*[:|»›>-]?[^]{0,220}|recommended( for you| reading| stories)?\s*([:|»›>-][^]{0,220})?|you (may|might) (also )?like\s*([:|»›>-][^]{0,220})?|(most (read|popular|viewed)|trending( now)?|more (stories|news|articles))\s*([:|»›>-][^]{0,220})?)$/i,
  },
  // Newsletter and subscription boxes (most news CMSs: "Sign up for our daily newsletter", "Get the latest
  // news delivered to your inbox", "Subscribe now").
  {
    reason: 'newsletter',
    pattern: /^(sign up (for|to)|subscribe (to|for|now|today)|get (our|the) [^.]{0,60}(newsletter|delivered)|(enter|your) e-?mail( address)?( here)?|(daily|weekly|free) newsletter|newsletter sign-?up|by (signing up|subscribing),? you (agree|consent))[^]{0,300}$/i,
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
  // Paywall and app prompts left in text (many US dailies: "Subscribe to continue reading", "Download our app").
  {
    reason: 'paywall',
    pattern: /^(subscribe to (continue|keep) reading|this (article|content) is (only )?(available|for) (to )?(subscribers|members)|already a subscriber\?[^]{0,80}|(download|get) (our|the) (free )?app[^]{0,100}|log ?in to (continue|read)[^]{0,60})$/i,
  },
];

// Agencies and their usual short forms, recognised in credit lines ("lo/msh (AP, AFP, dpa, Reuters)" at the end
// of DW stories; "Source: BBC" on Turkish portals). Longer names are accepted as written.
export const CREDIT_LINE_PATTERNS: RegExp[] = [
  // DW editor initials followed by the wire list: "lo/msh (AP, AFP, dpa, Reuters)".
  /^[a-z]{1,5}(?:\/[a-z]{1,5})*\s*\(([^()]{2,120})\)$/,
  // "Source: BBC", "Sources: AP, Reuters", "Credit: AFP", "Via: Reuters".
  /^(?:sources?|credits?|via|agencies)\s*[:：]\s*([^.]{2,120})\.?$/i,
  // A bare agency list on its own line: "(AP, Reuters)", "— AFP".
  /^[(—–-]\s*((?:AP|AFP|Reuters|dpa|DPA|ANSA|EFE|Xinhua|TASS|Anadolu|AA|PA|UPI|KNA|IANS|PTI|Bloomberg)(?:\s*[,/&]\s*(?:AP|AFP|Reuters|dpa|DPA|ANSA|EFE|Xinhua|TASS|Anadolu|AA|PA|UPI|KNA|IANS|PTI|Bloomberg))*)\s*\)?$/,
  // "With agencies", "Compiled from wire reports" have no names; "with AP and Reuters" has.
  /^(?:with|additional reporting (?:by|from)|reporting (?:by|from)|compiled (?:by|from))\s+((?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)(?:\s*(?:,|and|&)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)*)\.?$/,
];

// Photo captions copied with the text end with the picture credit: "... a former Serbian breakaway province.
// / Photo: AA" (TRT World), "(Photo: Reuters)", "Photograph: Darko Vojinovic/AP", "Image: Getty Images".
export const CAPTION_PATTERN =
  /(?:^|\s)(?:[/|]\s*)?[([]?(?:photo(?:graph)?s?|images?|pictures?|picture credit|foto|photo credit)(?:\s+by)?\s*[:：]\s*[^.!?]{1,80}[)\]]?\s*$/i;
/** A caption line that is nothing but the credit ("Photo: Reuters", "Getty Images"). */
export const BARE_PHOTO_CREDIT = /^(?:[([]?\s*(?:photo|image|picture|foto)s?\s*(?:by|:)?\s*)?(?:getty images|afp(?: via getty images)?|reuters|ap photo|epa|shutterstock|anadolu agency|aa)(?:\s*\/\s*[\w .-]+)?[)\]]?$/i;

// Bylines pasted into the body: "By John Smith", "By Jane Doe and Ann Lee, Reuters", "Written by ...".
export const BYLINE_PATTERN =
  /^(?:(?:written |reported |story )?by|von|par|por)\s+([A-Z][\p{L}.'-]+(?:\s+(?:[A-Z][\p{L}.'-]+|de|van|von|der|da|al|bin|el|la))*(?:\s*(?:,|and|&)\s*[A-Z][\p{L}.'-]+(?:\s+[A-Z][\p{L}.'-]+)*)*)(?:\s*[,|–—-]\s*[\p{L} .]{1,40})?$/u;

/** Words that may sit beside a date on a metadata line: " date 2023-09-30 WORLD", "Last Update : ...". */
export const METADATA_LABEL_WORDS =
  /\b(?:date|dated|published|publish|posted|updated?|last|modified|created|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|cet|cest|est|edt|pst|pdt|bst|ist|local time|time|mins?|minutes?|read|reading)\b/gi;
