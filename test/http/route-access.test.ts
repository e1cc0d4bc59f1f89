// Every route the app answers, as Express holds them (not a list written by hand), tried by every
// kind of visitor and checked against one table of who may use what. A route added without its line
// in the table fails here; so does a state change that goes through without a CSRF token (pages)
// or a bearer token (API).
import { expect } from 'chai';
import request from 'supertest';
import { csrfFrom, type Agent } from '../helpers/browser-session.js';
import { listRoutes, type RouteEntry } from '../helpers/routes.js';
import { createWorld, ROLES, urlOf, type World } from '../helpers/world.js';

/**
 * The expected answer of each route to each role, in the order of ROLES:
 *   A  allowed: the route does its work (any answer but the ones below; never a 5xx)
 *   S  sent to sign in (303 to /sign-in?next=… on a page; 401 on the API)
 *   F  forbidden (403)
 *   H  hidden (404): what the role may not see does not exist for it
 * The ids in the paths are real: a survey that is open, with the voter's ballot and proposal. An
 * observer's delegate sees the surveys but has no ballot to cast.
 */
const ACCESS: Readonly<Record<string, string>> = {
  'GET /healthz': 'AAAAAA',
  // Sends browsers to the icon in /static.
  'GET /favicon.ico': 'AAAAAA',
  'GET /api/v1/me': 'SAAAAA',
  'GET /api/v1/member-states': 'SFFFAA',
  'POST /api/v1/member-states': 'SFFFFA',
  'POST /api/v1/users': 'SFFFFA',
  'POST /api/v1/users/:id/tokens': 'SFFFFA',
  'POST /api/v1/surveys': 'SFFFFA',
  'GET /api/v1/surveys': 'SAAAAA',
  'GET /api/v1/surveys/:id': 'SAAAAA',
  'POST /api/v1/surveys/:id/open': 'SFFFFA',
  'POST /api/v1/surveys/:id/close': 'SFFFFA',
  'POST /api/v1/surveys/:id/reopen': 'SFFFFA',
  'POST /api/v1/surveys/:id/publish': 'SFFFFA',
  'GET /api/v1/surveys/:id/results': 'SFFFAA',
  'GET /api/v1/surveys/:id/exports/:file': 'SFFFAA',
  'GET /api/v1/surveys/:id/ballot': 'SAAFFF',
  'PUT /api/v1/surveys/:id/ballot': 'SAAFFF',
  // The catalogue of published overviews needs no token; the world's overview is published.
  'GET /api/v1/overviews': 'AAAAAA',
  'GET /api/v1/overviews.csv': 'AAAAAA',
  'GET /api/v1/overviews/:id': 'AAAAAA',
  // The published overview's attached PDF.
  'GET /api/v1/overviews/:id/attachment.pdf': 'AAAAAA',
  'POST /api/v1/events': 'SFFFFA',
  'POST /api/v1/surveys/:id/events': 'SFFFFA',
  'GET /api/v1/events': 'SAAAAA',
  'GET /api/v1/events/:id': 'SAAAAA',
  'PUT /api/v1/events/:id': 'SFFFFA',
  // Observers write overviews as members do.
  'GET /api/v1/events/:id/overview': 'SAAAFF',
  'PUT /api/v1/events/:id/overview': 'SAAAFF',
  'PUT /api/v1/events/:id/overview/attachment': 'SAAAFF',
  // The other delegations have no overview for the event, so no attachment to remove (404).
  'DELETE /api/v1/events/:id/overview/attachment': 'SAHHFF',
  'POST /api/v1/overviews/:id/publish': 'SFFFFA',
  'POST /api/v1/overviews/:id/return': 'SFFFFA',
  'POST /api/v1/overviews/:id/withdraw': 'SFFFFA',
  'GET /sign-in': 'AAAAAA',
  'POST /sign-in': 'AAAAAA',
  'POST /sign-out': 'AAAAAA',
  'POST /language': 'AAAAAA',
  'GET /setup/:token': 'AAAAAA',
  'POST /setup/:token': 'AAAAAA',
  'GET /invitations/:token': 'AAAAAA',
  'POST /invitations/:token': 'AAAAAA',
  'GET /': 'SAAAAA',
  'GET /admin/audit': 'SFFFFA',
  'GET /admin/outbox': 'SFFFFA',
  'GET /admin/outbox/previews': 'SFFFFA',
  'GET /admin/outbox/:id': 'SFFFFA',
  'GET /admin/mission-addresses': 'SFFFFA',
  'POST /admin/mission-addresses/:id': 'SFFFFA',
  'GET /admin/surveys/:surveyId/reminders': 'SFFFFA',
  'POST /admin/surveys/:surveyId/reminders/schedule': 'SFFFFA',
  'POST /admin/surveys/:surveyId/reminders/send': 'SFFFFA',
  'GET /admin/users': 'SFFFFA',
  'GET /admin/users/new': 'SFFFFA',
  'POST /admin/users': 'SFFFFA',
  'GET /admin/users/:id': 'SFFFFA',
  'POST /admin/users/:id': 'SFFFFA',
  'POST /admin/users/:id/disable': 'SFFFFA',
  'POST /admin/users/:id/enable': 'SFFFFA',
  'POST /admin/users/:id/reset': 'SFFFFA',
  'POST /admin/users/:id/tokens': 'SFFFFA',
  'POST /admin/users/:id/tokens/:tokenId/revoke': 'SFFFFA',
  'POST /admin/users/:id/focal-point': 'SFFFFA',
  // The voter is their Member State's focal point; the other delegates are not.
  'GET /delegation': 'SAFFFF',
  'POST /delegation/invitations': 'SAFFFF',
  'POST /delegation/accounts/:id/disable': 'SAFFFF',
  'POST /delegation/accounts/:id/enable': 'SAFFFF',
  'GET /account': 'SAAAAA',
  'POST /account/password': 'SAAAAA',
  // Another account's token: not found for whoever is not its owner.
  'POST /account/tokens/:tokenId/revoke': 'SHHHHH',
  'GET /admin/member-states': 'SFFFAA',
  'GET /admin/member-states/new': 'SFFFFA',
  'POST /admin/member-states': 'SFFFFA',
  'GET /admin/member-states/import': 'SFFFFA',
  'POST /admin/member-states/import': 'SFFFFA',
  'GET /admin/member-states/:id': 'SFFFFA',
  'POST /admin/member-states/:id': 'SFFFFA',
  'GET /admin/surveys/:surveyId/paper-ballots': 'SFFFFA',
  'POST /admin/surveys/:surveyId/paper-ballots': 'SFFFFA',
  'POST /admin/surveys/:surveyId/paper-ballots/import': 'SFFFFA',
  'GET /admin/surveys': 'SFFFAA',
  'GET /admin/surveys/new': 'SFFFFA',
  'POST /admin/surveys': 'SFFFFA',
  'GET /admin/surveys/:id': 'SFFFAA',
  'GET /admin/surveys/:id/edit': 'SFFFFA',
  'POST /admin/surveys/:id/edit': 'SFFFFA',
  'POST /admin/surveys/:id/duplicate': 'SFFFFA',
  'POST /admin/surveys/:id/open': 'SFFFFA',
  'POST /admin/surveys/:id/close': 'SFFFFA',
  'POST /admin/surveys/:id/reopen': 'SFFFFA',
  'POST /admin/surveys/:id/publish': 'SFFFFA',
  'POST /admin/surveys/:id/closing-time': 'SFFFFA',
  'POST /admin/surveys/:id/reopen-options': 'SFFFFA',
  'GET /admin/surveys/:id/participation': 'SFFFAA',
  'GET /admin/surveys/:id/proposals': 'SFFFAA',
  'POST /admin/surveys/:id/proposals/:proposalId/accept': 'SFFFFA',
  'POST /admin/surveys/:id/proposals/:proposalId/decline': 'SFFFFA',
  'POST /admin/surveys/:surveyId/letters': 'SFFFFA',
  'GET /surveys/:id/results': 'SFFFAA',
  'POST /surveys/:id/results/trace.csv': 'SFFFAA',
  // Shows the results page, where the download is a button.
  'GET /surveys/:id/results/trace.csv': 'SAAAAA',
  'GET /surveys/:id/exports': 'SFFFAA',
  'POST /surveys/:id/exports/:file': 'SFFFAA',
  'GET /surveys/:id/exports/:file': 'SFFFAA',
  'GET /surveys/:id/counted-receipts': 'SFFFAA',
  'GET /surveys': 'SAAAAA',
  'GET /surveys/:id/ballot': 'SAAFFF',
  'POST /surveys/:id/ballot/review': 'SAAFFF',
  'POST /surveys/:id/ballot/change': 'SAAFFF',
  'POST /surveys/:id/ballot': 'SAAFFF',
  'GET /surveys/:id/ballot/receipt/:code': 'SAHHFF',
  'GET /surveys/:id/ballot/history': 'SAAFFF',
  'GET /surveys/:id/proposals': 'SAAAFF',
  'POST /surveys/:id/proposals': 'SAAAFF',
  'GET /receipts': 'SAAAAA',
  'GET /receipts/:code': 'SAHHAA',
  'GET /receipts/:code/download': 'SAHHAA',
  // The policy database is public; the world's overview is published.
  'GET /overviews': 'AAAAAA',
  'GET /overviews.csv': 'AAAAAA',
  'GET /overviews/:id': 'AAAAAA',
  'GET /overviews/:id/attachment.pdf': 'AAAAAA',
  'GET /overviews/:id/:lang': 'AAAAAA',
  'GET /events': 'SAAAAA',
  'GET /events/:id/overview': 'SAAAFF',
  'POST /events/:id/overview': 'SAAAFF',
  'POST /events/:id/overview/attachment': 'SAAAFF',
  'POST /events/:id/overview/attachment/remove': 'SAHHFF',
  'GET /events/:id': 'SAAAAA',
  // The voter's overview is published (its translations are locked); the other delegations have none yet.
  'GET /events/:id/overview/translations/:lang': 'SAAAFF',
  'POST /events/:id/overview/translations/:lang': 'SAAAFF',
  'POST /events/:id/overview/translations/:lang/remove': 'SAAAFF',
  'GET /admin/events/new': 'SFFFFA',
  'POST /admin/events': 'SFFFFA',
  'GET /admin/events/:id/edit': 'SFFFFA',
  'POST /admin/events/:id': 'SFFFFA',
  // The world's survey is open: the administrator is told events come once it is closed (409).
  'GET /admin/surveys/:id/events': 'SFFFFA',
  'POST /admin/surveys/:id/events': 'SFFFFA',
  'GET /admin/overviews': 'SFFFAA',
  'POST /admin/overviews/:id/publish': 'SFFFFA',
  'POST /admin/overviews/:id/return': 'SFFFFA',
  'POST /admin/overviews/:id/withdraw': 'SFFFFA',
};

const LETTER = { A: 'allowed', S: 'sign in', F: 'forbidden', H: 'hidden' } as const;
type Letter = keyof typeof LETTER;

const keyOf = (r: RouteEntry) => `${r.method} ${r.path}`;
const changesState = (r: RouteEntry) => r.method !== 'GET';
const isApi = (r: RouteEntry) => r.path.startsWith('/api/');

/** What a response says about access, or a failure for a 5xx. A page's 401 is a refused password, not a refused visitor. */
function letterOf(api: boolean, status: number, location: string | undefined): Letter | 'error' {
  if (status >= 500) return 'error';
  if (api ? status === 401 : status >= 300 && status < 400 && location?.startsWith('/sign-in?next=')) return 'S';
  if (status === 403) return 'F';
  if (status === 404) return 'H';
  return 'A';
}

/** Sign-out last: it ends the session the other requests use. */
function inOrder(routes: RouteEntry[]): RouteEntry[] {
  return [...routes].sort((a, b) => Number(a.path === '/sign-out') - Number(b.path === '/sign-out'));
}

describe('every route for every role', function () {
  this.timeout(240_000);
  let w: World;
  let routes: RouteEntry[];
  before(async () => {
    w = await createWorld();
    routes = listRoutes(w.app);
  });
  after(async () => w?.ctx.close());

  it('has one line of the access table for each route the app answers, and none for a route it does not', () => {
    expect(routes.length).to.be.greaterThan(50);
    const listed = routes.map(keyOf);
    expect(listed.filter((k) => !(k in ACCESS)), 'routes without a line in ACCESS').to.deep.equal([]);
    expect(Object.keys(ACCESS).filter((k) => !listed.includes(k)), 'lines of ACCESS for no route').to.deep.equal([]);
    for (const [k, v] of Object.entries(ACCESS)) expect(v, k).to.match(/^[ASFH]{6}$/);
  });

  it('answers each role as the table says, with the CSRF or bearer token a real client sends', async () => {
    const found: string[] = [];
    const expected: string[] = [];
    for (const role of ROLES) {
      const account = role === 'signedOut' ? null : w.accounts[role];
      let agent: Agent = account ? await account.agent() : request.agent(w.app);
      const bearer = account ? await account.bearer() : null;
      const tokenOf = async (a: Agent) => csrfFrom((await a.get(account ? '/receipts' : '/sign-in')).text);
      let token = await tokenOf(agent);
      for (const route of inOrder(routes)) {
        const url = urlOf(w, route);
        let res: request.Response;
        if (isApi(route)) {
          const req = request(w.app)[route.method.toLowerCase() as 'get'](url);
          if (bearer) req.set('Authorization', bearer);
          res = changesState(route) ? await req.send({}) : await req;
        } else if (changesState(route)) {
          res = await agent[route.method.toLowerCase() as 'post'](url).type('form').send({ _csrf: token });
        } else {
          res = await agent.get(url);
        }
        const letter = letterOf(isApi(route), res.status, res.headers.location);
        const want = ACCESS[keyOf(route)]![ROLES.indexOf(role)]!;
        found.push(`${role} ${keyOf(route)}: ${letter === 'error' ? `${res.status}` : LETTER[letter]}`);
        expected.push(`${role} ${keyOf(route)}: ${LETTER[want as Letter]}`);
        // Signing in or out starts a new session, with a new token.
        if (route.path === '/sign-in' && route.method === 'POST') {
          agent = account ? await account.agent() : agent;
          token = await tokenOf(agent);
        }
      }
    }
    const wrong = found.flatMap((f, i) => (f === expected[i] ? [] : [`${f} (expected ${expected[i]!.split(': ')[1]})`]));
    expect(wrong).to.deep.equal([]);
    expect(found).to.have.length(routes.length * ROLES.length);
  });

  it('refuses every state change of the pages without the session’s CSRF token, and of the API without a bearer token, writing nothing', async () => {
    const count = async (table: string) => Number((await w.ctx.db(table).count({ n: '*' }).first())!.n);
    const tables = ['audit_entries', 'users', 'surveys', 'ballot_revisions', 'proposals', 'member_states'];
    const before = await Promise.all(tables.map(count));
    const found: string[] = [];
    for (const role of ROLES) {
      const account = role === 'signedOut' ? null : w.accounts[role];
      const agent: Agent = account ? await account.agent() : request.agent(w.app);
      for (const route of routes.filter(changesState)) {
        const url = urlOf(w, route);
        const method = route.method.toLowerCase() as 'post';
        if (isApi(route)) {
          // A signed-in browser's cookies do not authenticate the API.
          const res = await agent[method](url).send({});
          found.push(`${role} ${keyOf(route)}: ${res.status}`);
        } else {
          const without = await agent[method](url).type('form').send({ name: 'x' });
          const forged = await agent[method](url).type('form').send({ _csrf: 'forged-token-of-another-session' });
          found.push(`${role} ${keyOf(route)}: ${without.status}`, `${role} ${keyOf(route)} (forged): ${forged.status}`);
        }
      }
    }
    expect(found.filter((f) => !f.endsWith(f.includes(' /api/') ? ': 401' : ': 403'))).to.deep.equal([]);
    expect(found.length).to.be.greaterThan(100);
    expect(await Promise.all(tables.map(count))).to.deep.equal(before);
  });
});
