// Fuzzing every form and API endpoint with fast-check: wrong types, huge and empty strings, control
// characters, lone surrogates, NUL, deep JSON, unknown fields, ids of other surveys and ids of 2³¹
// and more, bodies near and over the limits, malformed multipart. Whatever is sent: never a 5xx,
// always the documented error shape (an HTML page, or API.md's JSON error body), nothing written
// when the request is refused, and the audit chain intact at the end.
//
// A fixed seed and a bounded number of runs in `npm test`; `npm run fuzz -- --runs N [--seed S]`
// runs longer (FUZZ_RUNS, FUZZ_SEED).
import { expect } from 'chai';
import fc from 'fast-check';
import request from 'supertest';
import { verifyAuditChain } from '../../server/domain/audit.js';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import { listRoutes, type RouteEntry } from '../helpers/routes.js';
import { buildSurveyInput } from '../helpers/surveys.js';
import { createWorld, urlOf, type Role, type World } from '../helpers/world.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

/** The tables a refused request must leave as they were (sign-in throttling and sessions are not in it). */
const TABLES = ['audit_entries', 'users', 'api_tokens', 'account_links', 'member_states', 'surveys', 'questions', 'options', 'ballots', 'ballot_revisions', 'proposals'];

/** Routes not fuzzed: signing out ends the session that the other requests use. */
const SKIPPED = new Set(['POST /sign-out']);

const MAX = 2 ** 31;

/** Text a person would never type: control characters, NUL, lone surrogates, right-to-left marks, empty. */
const shortEvilString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\uD800', '\uDFFF', 'x\uD83D', '\u202E\u2066', '\r\n\t\b\f\v', '=cmd|x!A1', '<script>alert(1)</script>',
    '../../etc/passwd', '%00', '%ff', '${7*7}', '{{7*7}}', '-1', '0', '1e3', '0x10', '2147483647', '2147483648', '9999999999999999999999', 'NaN', 'Infinity', 'null', 'true', '[]', '{}'),
);

/** The same, and huge: past every field's length, and past the body limits. */
const evilString = fc.oneof(
  { weight: 6, arbitrary: shortEvilString },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 300_000 }).map((n) => 'é'.repeat(n)) },
);

/** Ids: real ones of this survey and of another, none, and out of range. */
function idArbitrary(w: World) {
  return fc.oneof(
    fc.constantFrom(w.surveyId, w.changedSurveyId, w.proposalId, w.spareUserId, w.memberStateId, ...w.questions.flatMap((q) => [q.id, ...q.optionIds])),
    fc.constantFrom(0, -1, MAX - 1, MAX, 2 ** 53, 1e21, 1.5, Number.MAX_SAFE_INTEGER),
    fc.integer({ min: 1, max: 1000 }),
  );
}

/** A JSON value of the wrong type for any field: strings, numbers, booleans, null, arrays, objects, deep. */
function wrongValue(w: World) {
  return fc.oneof(
    evilString,
    idArbitrary(w),
    fc.constantFrom(null, true, false, [], {}, [[52]], ['51'], { en: 1 }, -0),
    fc.jsonValue({ maxDepth: 4 }),
    idArbitrary(w).map(String),
  );
}

/** A path segment in place of an id: numbers in and out of range, and things that are not numbers. */
function idSegment(w: World) {
  return fc.oneof(
    idArbitrary(w).map(String),
    fc.constantFrom('2147483648', '99999999999', '00012', '1e3', '0x1', '-1', '%00', '%ED%A0%80', '%', 'a%20b', ' 1', encodeURIComponent('é'.repeat(300))),
  );
}

/** Field names the forms read, and some they do not. */
function fieldNames(w: World): string[] {
  const [q1, q2] = w.questions;
  return [
    'email', 'password', 'confirm', 'displayName', 'role', 'memberState', 'language', 'lang', 'next', 'iso3', 'name_en', 'name_fr', 'name_es', 'status',
    'title_en', 'title_fr', 'description_en', 'reference', 'closesAt', 'quorum', 'q0_id', 'q0_title_en', 'q0_seats', 'q0_method', 'q0_maxRanks', 'q0_allowAbstain',
    'q0_o0_id', 'q0_o0_title_en', 'q0_o1_title_en', 'q999_title_en', 'action', 'baseRevision', 'comments', 'channel', 'mode', 'question', 'title', 'description',
    'bom', 'sep', 'anonymous', 'reason', 'overrideReason', 'label', 'code', '__proto__', 'constructor',
    `rank_${q1!.id}_${q1!.optionIds[0]}`, `rank_${q1!.id}_${q1!.optionIds[1]}`, `rank_${q2!.id}_${q2!.optionIds[0]}`, `rank_${q2!.id}_2147483648`,
    `rank_2147483648_1`, `abstain_${q1!.id}`, `abstain_${q2!.id}`, `comment_${q1!.id}`,
  ];
}

/** A valid JSON body for the API's routes that take one, to be mutated. */
function validJson(w: World, route: RouteEntry): Record<string, unknown> {
  const [q1, q2] = w.questions;
  if (route.path.endsWith('/ballot')) return { baseRevision: 1, answers: [{ question: q1!.id, ranking: [q1!.optionIds[1]] }, { question: q2!.id, abstain: true }], comments: 'x' };
  if (route.path === '/api/v1/surveys') return buildSurveyInput({ quorum: 3 });
  if (route.path === '/api/v1/member-states') return { iso3: 'ZZZ', names: { en: 'Z', fr: 'Z', es: 'Z' }, status: 'member' };
  if (route.path === '/api/v1/users') return { email: 'fuzz@example.org', displayName: 'F', role: 'staff' };
  if (route.path.endsWith('/reopen')) return { closesAt: '2030-01-01T00:00:00Z' };
  return { overrideReason: 'r' };
}

/** Sets a value at a path of a JSON body, creating what is missing. */
function setAt(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const container: Record<string | number, unknown> = Array.isArray(body) ? [...body] as unknown as Record<number, unknown> : typeof body === 'object' && body !== null ? { ...body } : {};
  container[head!] = setAt(container[head!], rest, value);
  return container;
}

/** Every path to a leaf of a JSON value, so that a mutation can hit any field. */
function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? value.flatMap((v, i) => leafPaths(v, [...prefix, i])) : [prefix];
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([k, v]) => leafPaths(v, [...prefix, k])) : [prefix];
  }
  return [prefix];
}

type Body =
  | { readonly kind: 'none' }
  | { readonly kind: 'form'; readonly fields: Readonly<Record<string, string | string[]>>; readonly withToken: boolean }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly contentType: string; readonly text: string };

/** A malformed or hostile body, whatever the route expects. */
const rawBody = fc.oneof(
  fc.constantFrom(
    { contentType: 'multipart/form-data; boundary=XyZ', text: '--XyZ\r\nContent-Disposition: form-data; name="a"\r\nno colon\r\n\r\nv\r\n--XyZ--\r\n' },
    { contentType: 'multipart/form-data; boundary=XyZ', text: '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nunterminated' },
    { contentType: 'multipart/form-data', text: 'no boundary' },
    { contentType: 'application/x-www-form-urlencoded; charset=utf-16', text: 'a=b' },
    { contentType: 'application/json', text: '{"a":' },
    { contentType: 'application/json', text: `${'['.repeat(50_000)}${']'.repeat(50_000)}` },
    { contentType: 'application/json', text: `{"answers":${'['.repeat(5_000)}${']'.repeat(5_000)}}` },
    { contentType: 'application/json', text: `{"title":"${'a'.repeat(1024 * 1024)}"}` },
    { contentType: 'application/json', text: `{"title":"${'a'.repeat(1000 * 1000)}"}` },
    { contentType: 'application/x-www-form-urlencoded', text: `email=${'a'.repeat(210 * 1024)}` },
    { contentType: 'application/x-www-form-urlencoded', text: Array.from({ length: 1200 }, (_, i) => `f${i}=x`).join('&') },
    { contentType: 'text/plain', text: '\u0000\uFFFE' },
    { contentType: 'application/json', text: '"\\ud800"' },
  ),
  fc.record({ contentType: fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=b'), text: fc.string({ unit: 'binary', maxLength: 200 }) }),
);

function bodyArbitrary(w: World, route: RouteEntry): fc.Arbitrary<Body> {
  if (route.method === 'GET') return fc.constant({ kind: 'none' });
  if (route.path.startsWith('/api/')) {
    const valid = validJson(w, route);
    const paths = leafPaths(valid);
    const mutated = fc.tuple(fc.constantFrom(...paths), wrongValue(w)).map(([path, value]) => setAt(valid, path, value));
    const unknownFields = fc.dictionary(fc.string({ maxLength: 12 }), wrongValue(w), { maxKeys: 5 }).map((extra) => ({ ...extra, ...valid }));
    return fc.oneof(
      { weight: 4, arbitrary: mutated.map((value): Body => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: unknownFields.map((value): Body => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 6 }).map((value): Body => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: rawBody.map((raw): Body => ({ kind: 'raw', ...raw })) },
    );
  }
  const value = fc.oneof(evilString, idArbitrary(w).map(String), fc.array(evilString, { minLength: 2, maxLength: 3 }));
  const fields = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...fieldNames(w)) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }), value, { maxKeys: 8 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ fields, withToken: fc.constantFrom(true, true, true, true, false) }).map((f): Body => ({ kind: 'form', ...f })) },
    { weight: 1, arbitrary: rawBody.map((raw): Body => ({ kind: 'raw', ...raw })) },
  );
}

interface Attack {
  readonly route: RouteEntry;
  readonly role: Role;
  readonly ids: readonly string[];
  readonly query: Readonly<Record<string, string>>;
  readonly body: Body;
}

function attackArbitrary(w: World, routes: readonly RouteEntry[]): fc.Arbitrary<Attack> {
  return fc.constantFrom(...routes).chain((route) => fc.record({
    route: fc.constant(route),
    role: fc.constantFrom<Role>('signedOut', 'voter', 'observer', 'staff', 'admin', 'admin'),
    // Each of the path's ids is the real one, half the time; else anything.
    ids: fc.array(fc.oneof(fc.constant(''), idSegment(w)), { minLength: 4, maxLength: 4 }),
    query: fc.dictionary(fc.constantFrom('question', 'bom', 'sep', 'anonymous', 'memberState', 'next', 'from', 'done', 'recorded', 'q'), fc.oneof(shortEvilString, idArbitrary(w).map(String)), { maxKeys: 3 }),
    body: bodyArbitrary(w, route),
  }));
}

/** The route's path with ids: the real ones where the attack leaves them empty. */
function pathOf(w: World, attack: Attack): string {
  let i = 0;
  const real = urlOf(w, attack.route).split('/');
  return attack.route.path.split('/').map((segment, k) => {
    if (!segment.startsWith(':')) return segment;
    const id = attack.ids[i++] ?? '';
    return id === '' ? real[k]! : id;
  }).join('/');
}

/** Long runs of one character written as a count, so that a report stays readable. */
function shorten(text: string): string {
  return text.replace(/([\s\S])\1{40,}/gu, (run, c: string) => `${c}×${[...run].length}`);
}

function describeAttack(a: Attack): string {
  return shorten(JSON.stringify({ ...a, route: `${a.route.method} ${a.route.path}` })).slice(0, 3000);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A form value percent-encoded; a lone surrogate goes as the three bytes a careless client would send. */
function formEncode(text: string): string {
  return text.split(LONE_SURROGATE).map(encodeURIComponent).reduce((out, part, i) => {
    if (i === 0) return part;
    const c = text.match(LONE_SURROGATE)![i - 1]!.charCodeAt(0);
    const bytes = [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
    return `${out}${bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('')}${part}`;
  }, '');
}

describe('fuzzing every form and API endpoint', function () {
  this.timeout(Math.max(120_000, RUNS * 2_000));
  let w: World;
  let routes: RouteEntry[];
  const agents = new Map<Role, { agent: Agent; bearer: string | null; token: string }>();

  before(async () => {
    w = await createWorld();
    routes = listRoutes(w.app).filter((r) => !SKIPPED.has(`${r.method} ${r.path}`));
  });
  after(async () => w?.ctx.close());

  async function clientOf(role: Role) {
    let client = agents.get(role);
    if (!client) {
      const account = role === 'signedOut' ? null : w.accounts[role];
      const agent = account ? await account.agent() : request.agent(w.app);
      const page = await agent.get(account ? '/receipts' : '/sign-in');
      client = { agent, bearer: account ? await account.bearer() : null, token: csrfFrom(page.text) };
      agents.set(role, client);
    }
    return client;
  }

  const counts = async () => Promise.all(TABLES.map(async (t) => `${t}: ${Number((await w.ctx.db(t).count({ n: '*' }).first())!.n)}`));

  async function send(attack: Attack): Promise<request.Response> {
    const client = agents.get(attack.role)!;
    const url = pathOf(w, attack);
    const api = attack.route.path.startsWith('/api/');
    const method = attack.route.method.toLowerCase() as 'get' | 'post' | 'put';
    let req = (api ? request(w.app) : client.agent)[method](url).query(attack.query);
    if (api && client.bearer) req = req.set('Authorization', client.bearer);
    const body = attack.body;
    switch (body.kind) {
      case 'none': return req;
      case 'json': return req.set('Content-Type', 'application/json').send(JSON.stringify(body.value) ?? 'null');
      case 'raw': return req.set('Content-Type', body.contentType).send(Buffer.from(body.text, 'utf8'));
      case 'form': {
        const fields = body.withToken ? { ...body.fields, _csrf: client.token } : body.fields;
        const encoded = Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${formEncode(k)}=${formEncode(x)}`)).join('&');
        return req.type('form').send(encoded);
      }
    }
  }

  it(`never answers with a 5xx or an undocumented shape, and writes nothing when it refuses (${RUNS} runs, seed ${SEED})`, async () => {
    // Signing in and issuing the tokens write rows: done before any count is taken.
    for (const role of ['signedOut', 'voter', 'observer', 'staff', 'admin'] as const) await clientOf(role);
    const property = fc.asyncProperty(attackArbitrary(w, routes), async (attack) => {
      const before = await counts();
      const res = await send(attack);
      const about = `${res.status} for ${describeAttack(attack)}`;
      expect(res.status, about).to.be.below(500);
      if (attack.route.path.startsWith('/api/')) {
        if (res.status >= 400) {
          expect(res.type, about).to.equal('application/json');
          expect(res.body.error, about).to.be.an('object');
          expect(res.body.error.code, about).to.be.a('string');
          expect(res.body.error.message, about).to.be.a('string').and.not.match(/node_modules|\n\s+at /);
        }
      } else if (res.status >= 400) {
        expect(res.type, about).to.equal('text/html');
        expect(res.text, about).to.match(/^<!doctype html>/).and.match(/<h1>[^<]+<\/h1>/);
        expect(res.text, about).not.to.match(/node_modules|\n\s+at [\w.<>]+ \(|class="stack"/);
      }
      if (res.status >= 400) expect(await counts(), about).to.deep.equal(before);
    });
    try {
      await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    } catch (error) {
      // fast-check prints the counterexample whole: a megabyte body would drown the report.
      const cause = (error as Error).cause;
      throw new Error(shorten(`${String((error as Error).message)}\n${cause instanceof Error ? cause.message : ''}`).slice(0, 20_000), { cause: error });
    }
    const chain = await verifyAuditChain(w.ctx.deps);
    expect(chain.ok, JSON.stringify(chain)).to.equal(true);
  });
});
