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
    articleCount: { type: 'integer' },
    outletCount: { type: 'integer' },
    outlets: { type: 'array', items: { type: 'string' }, description: 'Outlet (or host) names, most articles first' },
    firstPublished: { type: ['string', 'null'] },
    lastPublished: { type: ['string', 'null'] },
    updatedAt: { type: 'string', description: 'When the story last changed in the store' },
    version: { type: 'integer', description: 'Grows whenever the story gains articles' },
    analysis: statsSchema,
  },
} as const;

const storyRef = { $ref: 'StoryListItem#' } as const;

export const listStoriesSchema = {
  summary: 'List or search stories, newest first',
  tags: ['stories'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      q: { type: 'string', maxLength: 500, description: 'Words that must all occur in the story (stemmed)' },
      entity: { type: 'string', maxLength: 200, description: 'A name mentioned in the story, e.g. "Vucic"' },
      outlet: { type: 'string', maxLength: 200, description: 'Outlet or host name of one of its articles' },
      from: isoDate,
      to: isoDate,
      limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
      offset: { type: 'integer', minimum: 0, default: 0 },
    },
  },
  response: {
    200: {
      type: 'object',
      required: ['total', 'stories'],
      properties: { total: { type: 'integer' }, stories: { type: 'array', items: storyRef } },
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

export const getStorySchema = {
  summary: 'One story with its articles',
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
              id: { type: 'integer' },
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
    status: { type: 'string', enum: ['stored', 'duplicate', 'revised'], description: '"duplicate": the same URL or text was already stored; "revised": the same URL with changed text, stored as a new version' },
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
          properties: { schemaVersion: { type: 'integer' }, articles: { type: 'integer' }, stories: { type: 'integer' } },
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
      },
    },
  },
} as const;
