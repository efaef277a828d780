// JSON Schemas of the API: fastify validates requests with them (ajv) and the OpenAPI file is generated
// from the same objects, so the documentation cannot drift from what the server accepts.

// A real calendar date, checked by the "iso-date" format of validation.ts (2023-02-30 is refused).
const isoDate = {
  type: 'string',
  format: 'iso-date',
  maxLength: 40,
  description: 'ISO date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]) naming a real day and time',
} as const;

export const errorSchema = {
  $id: 'ApiError',
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string', description: 'Stable machine-readable reason, e.g. "not-found", "invalid-request", "body-too-large"' },
        message: { type: 'string', description: 'One line for people' },
      },
    },
  },
} as const;

const errorRef = { $ref: 'ApiError#' } as const;

export const statsSchema = {
  type: ['object', 'null'],
  description: 'Counts from the story dossier; null until its analysis has run',
  properties: {
    facts: { type: 'integer' },
    corroborated: { type: 'integer' },
    singleSource: { type: 'integer' },
    disputes: { type: 'integer' },
    quotes: { type: 'integer' },
    articles: { type: 'integer', description: "Articles the dossier analysed (fewer than the story's when it is over the per-dossier limit)" },
  },
} as const;

export const storySchema = {
  $id: 'StoryListItem',
  type: 'object',
  required: ['id', 'title', 'articleCount', 'outletCount', 'outlets', 'version', 'analysis'],
  properties: {
    id: { type: 'integer' },
    title: { type: 'string', description: "Headline of the story's first article with one, else its opening words" },
    articleCount: { type: 'integer', description: 'Visible articles (hidden ones are not counted)' },
    outletCount: { type: 'integer', description: 'Distinct outlets named (by name or host); articles with neither are not counted' },
    outlets: { type: 'array', items: { type: 'string' }, description: 'Outlet (or host) names, most articles first; "unknown outlet" stands for articles with neither, and is not in outletCount' },
    firstPublished: { type: ['string', 'null'] },
    lastPublished: { type: ['string', 'null'] },
    updatedAt: { type: 'string', description: 'When the story last changed in the store' },
    version: { type: 'integer', description: "Grows whenever the story's articles change: one added, revised, hidden or restored (its dossier is then rebuilt)" },
    analysis: statsSchema,
  },
} as const;

const storyRef = { $ref: 'StoryListItem#' } as const;

export const listStoriesSchema = {
  summary: 'List or search stories, newest first',
  description: [
    'Every filter given must hold (they combine with AND); without any, all stories are listed. Stories are ordered by',
    'their latest publication date, newest first, then by id. Hidden articles (DELETE /api/articles/{id}) count for nothing:',
    'a story is matched, counted and dated by its visible articles only, and one with none is not listed.',
    '`total` counts every match; `limit` and `offset` page through them.',
  ].join(' '),
  tags: ['stories'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: { type: 'string', maxLength: 500, description: 'Words that must all occur in the titles or texts of the story (stemmed: "denies" finds "denied")' },
      entity: { type: 'string', maxLength: 200, description: 'A name mentioned (capitalised) in the story, e.g. "Vucic" or "Milan Mojsilovic"; every word must occur' },
      outlet: { type: 'string', maxLength: 200, description: 'Outlet or host name of one of its articles, case-insensitive; a part of the name matches too ("wire" finds "Northern Wire")' },
      from: { ...isoDate, description: "The story's publication range (first to latest article) must end on or after this day (only the date part counts)" },
      to: { ...isoDate, description: "The story's publication range must start on or before this day (only the date part counts); not before `from`" },
      minArticles: { type: 'integer', minimum: 1, maximum: 1_000_000, description: 'Only stories with at least this many (visible) articles, e.g. 2 to leave out single reports' },
      disputed: {
        type: 'boolean',
        description: [
          'true: only stories whose dossier has at least one dispute; false: only stories whose dossier has none.',
          'Dispute counts come from dossiers, so stories not analysed yet are left out either way: the answer then',
          'says how many in `unanalysed`, and (unless background analysis is off) their analysis is started.',
        ].join(' '),
      },
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
      offset: { type: 'integer', minimum: 0, default: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['total', 'stories'],
      properties: {
        total: { type: 'integer', description: 'Stories matching every filter (all pages)' },
        stories: { type: 'array', items: storyRef },
        unanalysed: {
          type: 'integer',
          description: 'Only with `disputed`: stories matching the other filters whose dossier is not built yet, so whether they have disputes is not known; ask again later',
        },
      },
    },
    400: errorRef,
  },
} as const;

const idParams = {
  type: 'object',
  required: ['id'],
  properties: {
    // Checked as text so that "0x10", "1e3" or " 7" are refused rather than converted to some other story.
    id: { type: 'string', pattern: '^[0-9]{1,20}$', description: 'Story id, a positive decimal integer (a merged-away id resolves to the story it joined)' },
  },
} as const;

const articleIdParams = {
  type: 'object',
  required: ['id'],
  properties: {
    id: {
      type: 'string',
      pattern: '^[0-9]{1,20}$',
      description: "Article id: the store's numeric id of the article (`articles[].id` in GET /api/stories/{id}, `articleId` when it was added), a positive decimal integer",
    },
  },
} as const;

export const articleVisibilitySchema = {
  $id: 'ArticleVisibility',
  type: 'object',
  required: ['status', 'articleId', 'storyId', 'story'],
  properties: {
    status: { type: 'string', enum: ['hidden', 'restored'], description: 'The state the article is in now' },
    articleId: { type: 'integer' },
    storyId: { type: ['integer', 'null'], description: 'The story the article is filed under (also while hidden); null when it is in none' },
    story: {
      anyOf: [storyRef, { type: 'null' }],
      description: 'That story as the story list now shows it (new version, counts without hidden articles); null when it has no visible article left, and is then not listed',
    },
  },
} as const;

const articleVisibilityRef = { $ref: 'ArticleVisibility#' } as const;

export const hideArticleSchema = {
  summary: 'Hide an article added by mistake (a soft delete that can be undone)',
  description: [
    'The article leaves its story: it is no longer in the story\'s article list, counts, search words or dossier, and the',
    "story's version grows, so its dossier is rebuilt without it (GET /api/stories/{id}/dossier). A story left with no",
    'visible article is no longer listed and its id answers 404 until an article is restored or joins it. Nothing is',
    'deleted: the article and its text are kept, duplicate detection still knows it, and POST /api/articles/{id}/restore',
    'shows it again (as does sending the same article again with POST /api/articles: status "restored"). Feeds and',
    'ingest runs that deliver it again do not restore it. Story membership for clustering is unchanged: the hidden',
    'article still counts in the term statistics the clusterer keeps. Hiding a hidden article is answered the same way',
    '(idempotent). No request body (an empty one labelled application/json is accepted). A request a browser marks as',
    'sent from another site (Sec-Fetch-Site: cross-site or same-site) is refused with 403.',
  ].join(' '),
  tags: ['articles'],
  params: articleIdParams,
  response: {
    200: articleVisibilityRef,
    400: errorRef,
    403: errorRef,
    404: errorRef,
    503: errorRef,
  },
} as const;

export const restoreArticleSchema = {
  summary: 'Show a hidden article again',
  description: [
    "The article goes back into its story's article list, counts and dossier (the story's version grows, so its dossier is",
    'rebuilt). Restoring a visible article is answered the same way (idempotent). No request body (an empty one labelled',
    'application/json is accepted). A request a browser marks as sent from another site (Sec-Fetch-Site: cross-site or',
    'same-site) is refused with 403.',
  ].join(' '),
  tags: ['articles'],
  params: articleIdParams,
  response: {
    200: articleVisibilityRef,
    400: errorRef,
    403: errorRef,
    404: errorRef,
    503: errorRef,
  },
} as const;

/** Download formats of GET /api/stories/{id}/export, with their file extension and media type. */
export const EXPORT_FORMATS = {
  json: { ext: 'json', type: 'application/json; charset=utf-8' },
  md: { ext: 'md', type: 'text/markdown; charset=utf-8' },
  html: { ext: 'html', type: 'text/html; charset=utf-8' },
  csv: { ext: 'csv', type: 'text/csv; charset=utf-8' },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Longest (and default) wait of an export for the dossier of the story's current version, in ms. */
export const MAX_EXPORT_WAIT_MS = 60_000;

export const exportStorySchema = {
  summary: "Download a story's current dossier as JSON, Markdown, HTML or CSV",
  description: [
    'The body is a file to save: `Content-Disposition: attachment; filename="story-{id}-{slug of the title}.{ext}"`.',
    'It is always the dossier of the story as it is now (never an older version): when that is still being built, the',
    'request waits for it, up to `wait` milliseconds (default and most 60000), and then answers 202 with',
    '{"status": "building", ...} and `Retry-After` instead of a file, like the dossier endpoint. A failed analysis is a 500.',
    'json: the dossier contract (schema/dossier.schema.json), indented. md and html: the reports of `triangulate report`.',
    'csv (UTF-8 with a byte-order mark, CRLF line ends, one header row) is for spreadsheets, one row per item; column',
    '`kind` says which: "corroborated" (a fact with two or more independent sources), "single-source" (a fact with one),',
    '"disputed-side" (one side of a dispute: `about` is what is disputed, `dispute_kind` denial/number/date/place,',
    '`stance` claim/denial, `value` the side\'s number, date or place, `claimed_by` who says it), "quantity" (a number',
    'reported, `value` and `about` = what is counted) and "number-change" (one value of a number that changed over time).',
    'Columns: kind, text, independent_sources, articles (count), outlets (semicolon-separated), article_ids',
    '(semicolon-separated dossier article ids), first_published (earliest publication of those articles), id, about,',
    'dispute_kind, stance, value, modality, claimed_by. A cell that would start with =, +, -, @, tab or carriage return',
    'starts with an apostrophe instead, so a spreadsheet never reads article text as a formula.',
  ].join(' '),
  tags: ['stories'],
  params: idParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      format: { type: 'string', enum: Object.keys(EXPORT_FORMATS), default: 'json', description: 'File format (default json)' },
      wait: { type: 'integer', minimum: 0, maximum: MAX_EXPORT_WAIT_MS, description: 'Milliseconds to wait for a dossier build in progress before answering 202 (default 60000)' },
    },
  },
  response: {
    200: {
      description: 'The dossier as a file (see Content-Disposition)',
      content: {
        'application/json': { schema: { type: 'object', description: 'The dossier contract (components/schemas/Dossier)' } },
        'text/markdown': { schema: { type: 'string' } },
        'text/html': { schema: { type: 'string' } },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    202: {
      description: 'The dossier of the current version is still being built: ask again after Retry-After seconds',
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['building'] },
        storyId: { type: 'integer' },
        storyVersion: { type: 'integer' },
        retryAfterSeconds: { type: 'integer' },
      },
    },
    400: errorRef,
    404: errorRef,
    500: errorRef,
  },
} as const;

export const getStorySchema = {
  summary: 'One story with its articles',
  description: 'The articles are the visible ones, by publication date; `id` is the one DELETE /api/articles/{id} takes. A story whose articles are all hidden answers 404.',
  tags: ['stories'],
  params: idParams,
  response: {
    200: {
      type: 'object',
      required: ['story', 'articles'],
      properties: {
        story: storyRef,
        articles: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'integer', description: "The store's article id (for DELETE /api/articles/{id})" },
              articleId: { type: 'string', description: 'Article id used in the dossier spans' },
              title: { type: ['string', 'null'] },
              outlet: { type: ['string', 'null'] },
              url: { type: ['string', 'null'] },
              publishedAt: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
    400: errorRef,
    404: errorRef,
  },
} as const;

export const getDossierSchema = {
  summary: "A story's dossier (the JSON contract of schema/dossier.schema.json), built in the background when the story changed",
  description: [
    'Builds run in worker threads and never hold the server up. The answer is 200 with the dossier of the story as it is now;',
    'or, when that is still being built after `wait` milliseconds, 202 with the last dossier built (an older version of the story)',
    'when there is one, else 202 with {"status": "building"}. Headers on both: `x-story-version` (the story now),',
    '`x-dossier-version` (the version the body was built from), `x-dossier-status` ("current" or "building"),',
    '`x-dossier-articles` and `x-story-articles` (articles analysed, and in the story: a dossier analyses at most a fixed number),',
    'and `retry-after` on 202.',
  ].join(' '),
  tags: ['stories'],
  params: idParams,
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      wait: { type: 'integer', minimum: 0, maximum: 60_000, description: 'Milliseconds to wait for a build in progress before answering 202 (default 5000)' },
    },
  },
  response: {
    202: {
      description: 'The dossier of the current version is being built: the body is the last dossier built (see the headers), or this object when there is none',
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['building'] },
        storyId: { type: 'integer' },
        storyVersion: { type: 'integer' },
        dossierVersion: { type: ['integer', 'null'] },
        retryAfterSeconds: { type: 'integer' },
      },
      additionalProperties: true,
    },
    400: errorRef,
    404: errorRef,
    500: errorRef,
  },
} as const;

export const addArticleSchema = {
  summary: 'Add an article (plain text, an HTML page, or a URL to fetch); it joins a story or starts one',
  tags: ['articles'],
  body: {
    type: 'object',
    additionalProperties: false,
    anyOf: [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }],
    properties: {
      text: { type: 'string', minLength: 1, description: 'Plain article text, paragraphs separated by blank lines' },
      html: { type: 'string', minLength: 1, description: 'An HTML page; the article is extracted from it' },
      url: { type: 'string', maxLength: 2000, pattern: '^https?://', description: 'Fetched when neither text nor html is given; otherwise recorded as the address' },
      title: { type: 'string', maxLength: 1000 },
      outlet: { type: 'string', maxLength: 200 },
      publishedAt: isoDate,
      byline: { type: 'string', maxLength: 500 },
      id: {
        type: 'string',
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        maxLength: 48,
        description: 'Article id used in dossier spans (kept as given); by default one is made from the URL or the text',
      },
    },
  },
  response: {
    201: { $ref: 'AddedArticle#' },
    200: { $ref: 'AddedArticle#' },
    400: errorRef,
    403: errorRef,
    413: errorRef,
    415: errorRef,
    422: errorRef,
    502: errorRef,
  },
} as const;

export const addedArticleSchema = {
  $id: 'AddedArticle',
  type: 'object',
  required: ['status', 'articleId', 'storyId'],
  properties: {
    status: {
      type: 'string',
      enum: ['stored', 'duplicate', 'revised', 'restored'],
      description:
        '"duplicate": the same URL or text was already stored; "revised": the same URL with changed text, stored as a new version; "restored": it was stored and hidden (DELETE /api/articles/{id}), and is shown again (with the new text when it changed)',
    },
    articleId: { type: 'integer' },
    storyId: { type: ['integer', 'null'] },
    title: { type: ['string', 'null'] },
    story: { anyOf: [storyRef, { type: 'null' }] },
  },
} as const;

export const listSourcesSchema = {
  summary: 'Outlets in the store with their article and story counts',
  tags: ['sources'],
  response: {
    200: {
      type: 'object',
      properties: {
        sources: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              outlet: { type: 'string' },
              articles: { type: 'integer' },
              stories: { type: 'integer' },
              lastPublished: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
  },
} as const;

export const healthSchema = {
  summary: 'Liveness and store counts',
  tags: ['health'],
  response: {
    200: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok'] },
        version: { type: 'string' },
        // No file path: the health endpoint is public and the server's file layout is nobody's business.
        store: {
          type: 'object',
          properties: {
            schemaVersion: { type: 'integer' },
            articles: { type: 'integer', description: 'Articles stored, hidden ones included' },
            hidden: { type: 'integer', description: 'Articles hidden by an editor' },
            stories: { type: 'integer', description: 'Stories listed (with at least one visible article)' },
          },
        },
        analysing: { type: 'integer', description: 'Dossier builds running or waiting for a worker thread' },
        dossierBuilds: {
          type: 'object',
          properties: { running: { type: 'integer' }, queued: { type: 'integer' }, threads: { type: 'integer' }, maxArticles: { type: 'integer' } },
        },
        watcher: {
          type: ['object', 'null'],
          properties: {
            feeds: { type: 'integer' },
            rounds: { type: 'integer' },
            lastRoundAt: { type: ['string', 'null'] },
            stored: { type: 'integer' },
          },
        },
        queue: {
          type: ['object', 'null'],
          description: 'The job queue (servers over PostgreSQL; null for SQLite, and while the first reading is under way). Read again when over 2 s old (waiting at most 1 s, else the last reading); checkedAt tells when.',
          properties: {
            checkedAt: { type: 'string' },
            error: { type: 'string', description: 'Set when the queue could not be read (then no figures)' },
            waiting: { type: 'integer', description: 'Jobs waiting to run or for a retry' },
            running: { type: 'integer' },
            expired: { type: 'integer', description: 'Running jobs whose lease ran out (their worker died): retried soon' },
            failed: { type: 'integer', description: 'Jobs that used up their retries (see `triangulate status`)' },
            workersAlive: { type: 'integer' },
            assignerAlive: { type: 'boolean', description: 'Whether a live worker assigns articles to stories' },
            intakeBatchesWaiting: { type: 'integer', description: 'Batches of new articles not yet stored in stories' },
            oldestWaitingSince: { type: ['string', 'null'] },
          },
        },
      },
    },
  },
} as const;
