// Search benchmark: the public catalogue of policy overviews with many published overviews of
// 2–3 pages each, in English, French and Spanish (generated from a seeded vocabulary), one in five
// with a translation into another of the three, indexed as a document of its own.
//
//   npm run bench:search [-- --overviews 10000] [--queries 300] [--duration 10] [--pg | --both]
//
// Measures (1) the catalogue's search, each made afresh (the Database's memory of searches emptied before each) as the API and the page run it (the domain function, in
// process): latency per query, p50 and p95, over a mix of one- and two-word queries in the three
// languages, with and without accents, filters sometimes; (2) requests per second of the
// catalogue page (GET /overviews?q=…, no session) against the signed-in ballot page
// (GET /surveys/:id/ballot), both served by the compiled server and driven the same way. SQLite
// by default (a new temporary DATA_DIR); --pg for PostgreSQL (a new database, dropped afterwards);
// --both for the two. Talks only to 127.0.0.1.
import autocannon from 'autocannon';
import { parseArgs } from 'node:util';
import type { Database } from '../server/data/database.js';
import { replaceOverviewTranslations } from '../server/data/overview-translations.js';
import { indexOverview, insertOverview } from '../server/data/overviews.js';
import { systemClock } from '../server/domain/clock.js';
import type { Actor, Deps } from '../server/domain/deps.js';
import { loadActor } from '../server/domain/accounts.js';
import { createEvent } from '../server/domain/overviews/events.js';
import { plainText } from '../server/domain/overviews/markdown.js';
import { searchCatalogue } from '../server/domain/overviews/overviews.js';
import { createBenchDatabase, cpuTimeMs, PG_ADMIN_URL, seedBench, SIGN_IN_PASSWORD, signIn, startServer, type Engine } from './load-setup.js';

const { values: args } = parseArgs({
  options: {
    overviews: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '300' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '20' },
    pg: { type: 'boolean', default: false },
    both: { type: 'boolean', default: false },
  },
});
const OVERVIEWS = Number(args.overviews);
const QUERIES = Number(args.queries);
const DURATION = Number(args.duration);
const CONNECTIONS = Number(args.connections);
const MEMBER_STATES = 200;
const EVENTS = Math.max(1, Math.ceil(OVERVIEWS / MEMBER_STATES));

const VOCABULARY = {
  en: 'migration migrants migrant return returns voluntary reintegration labour mobility circular diaspora remittances development integration policy policies government programme programmes border management asylum readmission agreement agreements capacity building cooperation regional dialogue rights protection health education employment skills recognition families communities data research strategy national law laws institution institutions ministry partnership partnerships support assistance countries origin destination transit'.split(' '),
  fr: 'migration migrants migrant retour retours volontaire réintégration réinsertion main-d’œuvre mobilité circulaire diaspora transferts développement intégration politique politiques gouvernement programme programmes frontières gestion asile réadmission accord accords renforcement capacités coopération régionale dialogue droits protection santé éducation emploi compétences reconnaissance familles communautés données recherche stratégie nationale loi lois institution institutions ministère partenariat partenariats soutien assistance pays origine destination transit'.split(' '),
  es: 'migración migrantes migrante retorno retornos voluntario reintegración movilidad laboral circular diáspora remesas desarrollo integración política políticas gobierno programa programas fronteras gestión asilo readmisión acuerdo acuerdos fortalecimiento capacidades cooperación regional diálogo derechos protección salud educación empleo competencias reconocimiento familias comunidades datos investigación estrategia nacional ley leyes institución instituciones ministerio asociación asociaciones apoyo asistencia países origen destino tránsito'.split(' '),
} as const;
const FILLER = { en: 'the of and to in for with on by a is are', fr: 'le la les de des et à en pour avec sur par un une est sont', es: 'el la los las de y a en para con sobre por un una es son' } as const;
type Lang = keyof typeof VOCABULARY;
const LANGS: readonly Lang[] = ['en', 'fr', 'es'];

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function paragraph(random: () => number, lang: Lang, words: number): string {
  const vocab = VOCABULARY[lang];
  const filler = FILLER[lang].split(' ');
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(random() < 0.45 ? filler[Math.floor(random() * filler.length)]! : vocab[Math.floor(random() * vocab.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** One overview: four sections of three or four paragraphs, some 1,000 to 1,400 words in all (2–3 pages). */
function overviewText(random: () => number, lang: Lang): string[] {
  return Array.from({ length: 4 }, () => Array.from({ length: 3 + Math.floor(random() * 2) }, () => paragraph(random, lang, 80 + Math.floor(random() * 20))).join('\n\n'));
}

const QUERY_MIX: readonly Record<string, string>[] = [
  { q: 'migrants' }, { q: 'retour' }, { q: 'retours volontaires' }, { q: 'migracion' }, { q: 'migración circular' },
  { q: 'reintegration' }, { q: 'réinsertion' }, { q: 'readmission agreements' }, { q: 'remesas desarrollo' }, { q: 'diaspora' },
  { q: 'asylum protection' }, { q: 'politique', lang: 'fr' }, { q: 'labour mobility', lang: 'en' }, { q: 'salud', memberState: 'ZAC' },
  { q: 'migration', sort: 'date' }, { q: 'capacity building cooperation' }, { q: 'frontières' }, { q: 'retorno voluntario' },
];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function populate(db: Database, deps: Deps, admin: Actor, memberStateIds: readonly number[]): Promise<number> {
  const events: number[] = [];
  for (let e = 0; e < EVENTS; e++) {
    events.push((await createEvent(deps, admin, {
      title: { en: `Workshop ${e + 1}`, fr: `Atelier ${e + 1}`, es: `Taller ${e + 1}` }, startsOn: `${2008 + (e % 10)}-03-25`,
      call: { deadline: '2099-01-01T00:00:00Z', maxWords: 2000, sections: [1, 2, 3, 4].map((n) => ({ heading: { en: `Section ${n}` } })) },
    })).id);
  }
  const random = seeded(2008);
  const started = performance.now();
  const BATCH = 250;
  for (let from = 0; from < OVERVIEWS; from += BATCH) {
    await db.transaction(async (tx) => {
      for (let i = from; i < Math.min(OVERVIEWS, from + BATCH); i++) {
        const lang = LANGS[i % 3]!;
        const sections = overviewText(random, lang);
        const title = paragraph(random, lang, 6).replace(/\.$/, '');
        const at = new Date(Date.UTC(2008, 0, 1) + i * 60_000).toISOString();
        const id = await insertOverview(tx, events[Math.floor(i / memberStateIds.length)]!, memberStateIds[i % memberStateIds.length]!, {
          language: lang, title, status: 'published', sections, comment: '', updated_by: admin.userId, updated_by_label: admin.email,
          updated_at: at, submitted_at: at, published_at: at,
        });
        // One overview in five also carries a translation into the next language, indexed as its own document.
        const versions = [{ language: lang, original: true, title, text: sections.map(plainText).join('\n') }];
        if (i % 5 === 0) {
          const other = LANGS[(i + 1) % 3]!;
          const translated = { title: paragraph(random, other, 6).replace(/\.$/, ''), sections: overviewText(random, other) };
          await replaceOverviewTranslations(tx, id, [{ language: other, ...translated, saved_by: admin.userId, saved_by_label: admin.email, saved_at: at }]);
          versions.push({ language: other, original: false, title: translated.title, text: translated.sections.map(plainText).join('\n') });
        }
        await indexOverview(tx, id, versions);
      }
    });
    if ((from / BATCH) % 8 === 0) process.stderr.write(`  ${from + BATCH} overviews written\n`);
  }
  return performance.now() - started;
}

async function runEngine(engine: Engine): Promise<string[]> {
  const bench = await createBenchDatabase(engine, process.env.DATABASE_URL ?? PG_ADMIN_URL);
  const lines: string[] = [];
  const db = await bench.open();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    const seededBench = await seedBench(db, bench.config, MEMBER_STATES, 1);
    const deps: Deps = { db, clock: systemClock, config: bench.config };
    const adminId = Number((await db.readers('users').where({ role: 'admin' }).first('id'))!.id);
    const admin = (await loadActor(deps, adminId))!;
    const writeMs = await populate(db, deps, admin, seededBench.delegates.map((d) => d.memberStateId));
    if (engine === 'pg') await db.writer.raw('ANALYZE');
    const words = OVERVIEWS > 0 ? 'each 1,000–1,400 words' : '';
    lines.push(`${engine}: ${OVERVIEWS} published overviews (${words}) written and indexed in ${(writeMs / 1000).toFixed(1)} s`);

    // Search in process: the domain function the API and the page call.
    for (const q of QUERY_MIX) await searchCatalogue(deps, q);
    const times: number[] = [];
    const hits: Record<string, number> = {};
    for (let i = 0; i < QUERIES; i++) {
      const q = QUERY_MIX[i % QUERY_MIX.length]!;
      // Every search made afresh: the Database's memory of earlier searches is emptied first.
      db.clearCaches();
      const t0 = performance.now();
      const result = await searchCatalogue(deps, q);
      times.push(performance.now() - t0);
      hits[JSON.stringify(q)] = result.hits.length;
    }
    times.sort((a, b) => a - b);
    lines.push(`${engine}: search (not from memory), ${QUERIES} queries: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms (target p95 < 50 ms)`);

    // Pages over HTTP: the catalogue (no session) and the ballot page (signed in), same driving.
    await db.close();
    server = await startServer(bench.env);
    const cookie = await signIn(server.url, seededBench.signInEmails[0]!, SIGN_IN_PASSWORD);
    const drive = async (path: string, headers: Record<string, string>) => {
      const before = cpuTimeMs(server!.pid);
      const result = await autocannon({ url: `${server!.url}${path}`, connections: CONNECTIONS, duration: DURATION, headers: { 'x-forwarded-proto': 'https', ...headers } });
      const after = cpuTimeMs(server!.pid);
      const bad = result.non2xx + result.errors;
      return { perSecond: result.requests.average, p99: result.latency.p99, bad, cpu: before === null || after === null ? null : (after - before) / Math.max(1, result.requests.total) };
    };
    const ballot = await drive(`/surveys/${seededBench.survey.id}/ballot`, { cookie });
    // One query asked again and again: after the first, the page's search comes from memory.
    const catalogue = await drive('/overviews?q=retour', {});
    lines.push(`${engine}: ballot page ${ballot.perSecond.toFixed(0)} req/s (p99 ${ballot.p99} ms, ${ballot.bad} errors); catalogue page ?q=retour (repeated, so from memory) ${catalogue.perSecond.toFixed(0)} req/s (p99 ${catalogue.p99} ms, ${catalogue.bad} errors): ${(100 * catalogue.perSecond / ballot.perSecond).toFixed(0)} % of the ballot page (target ≥ 50 %)`);
  } finally {
    await server?.stop();
    await db.close().catch(() => undefined);
    await bench.remove();
  }
  return lines;
}

const engines: Engine[] = args.both ? ['sqlite', 'pg'] : args.pg || process.env.DATABASE_URL ? ['pg'] : ['sqlite'];
const report: string[] = [];
for (const engine of engines) report.push(...await runEngine(engine));
process.stdout.write(`${report.join('\n')}\n`);
