// The yardstick of the load benchmark's targets: a bare Express 5 + knex + sqlite3 app that stores
// ballots as the real server does (one transaction per ballot: read the Member State's ballot, move
// it to its next revision, keep the revision) and shows one, with no sign-in, validation, audit,
// sessions or templates. Run by `npm run bench:load -- --baseline` beside the real server, on the
// same machine under the same load, because the targets were set as this app's figures.
//
// With BASELINE_SIGNED_IN=1 its page asks for a signed-in user as ours does, with only what our
// stack puts before any page: helmet's headers, express-session (kept in memory, so no database
// read at all) and passport's session; GET /sign-in/:id signs in. It measures what the stack
// itself leaves of the bare app's page views, before any work of ours.
//
//   DATA_DIR=... HOST=127.0.0.1 PORT=... [BASELINE_SIGNED_IN=1] node --import tsx bench/baseline-app.ts
import express, { type RequestHandler } from 'express';
import session from 'express-session';
import helmet from 'helmet';
import knex from 'knex';
import path from 'node:path';
import passport from 'passport';

const db = knex({
  client: 'sqlite3',
  connection: { filename: path.join(process.env.DATA_DIR ?? '.', 'baseline.sqlite') },
  useNullAsDefault: true,
  pool: {
    min: 1,
    max: 1,
    afterCreate(conn: { exec(sql: string, cb: (err: Error | null) => void): void }, done: (err: Error | null, conn: unknown) => void) {
      conn.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;', (err) => done(err, conn));
    },
  },
});

await db.schema.createTable('ballots', (t) => {
  t.increments('id');
  t.integer('member_state_id').notNullable().unique();
  t.integer('current_revision').notNullable();
});
await db.schema.createTable('revisions', (t) => {
  t.increments('id');
  t.integer('ballot_id').notNullable().references('ballots.id');
  t.integer('revision').notNullable();
  t.text('answers').notNullable();
  t.string('submitted_at').notNullable();
  t.unique(['ballot_id', 'revision']);
});

const app = express();
app.use(express.json());
app.get('/healthz', (_req, res) => {
  res.send('ok');
});

app.put('/ballots/:memberState', async (req, res) => {
  const memberStateId = Number(req.params.memberState);
  const revision = await db.transaction(async (tx) => {
    const ballot = await tx('ballots').where({ member_state_id: memberStateId }).first();
    let id: number;
    let next = 1;
    if (ballot) {
      id = Number(ballot.id);
      next = Number(ballot.current_revision) + 1;
      await tx('ballots').where({ id }).update({ current_revision: next });
    } else {
      id = Number((await tx('ballots').insert({ member_state_id: memberStateId, current_revision: 1 }))[0]);
    }
    await tx('revisions').insert({ ballot_id: id, revision: next, answers: JSON.stringify(req.body), submitted_at: new Date().toISOString() });
    return next;
  });
  res.json({ revision });
});

let signedIn: RequestHandler = (_req, _res, next) => next();
if (process.env.BASELINE_SIGNED_IN === '1') {
  // Signed-in users of the shape passport's Express.User has in the project (server/http/middleware/types.d.ts).
  const users = new Map([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((id): [number, Express.User] => [id, {
    userId: id, email: `delegate-${id}@example.org`, role: 'delegate', memberStateId: id, memberStateIso3: null,
    displayName: `Delegate ${id}`, language: 'en', memberStateNames: null, isFocalPoint: false,
  }]));
  passport.serializeUser((user, done) => done(null, user.userId));
  passport.deserializeUser((id: number, done) => done(null, users.get(id) ?? false));
  app.use(helmet());
  app.use(session({ secret: 'baseline-secret-of-the-load-benchmark', resave: false, saveUninitialized: false, rolling: true, cookie: { httpOnly: true, sameSite: 'lax', maxAge: 12 * 60 * 60 * 1000 } }));
  app.use(passport.initialize());
  app.use(passport.session());
  app.get('/sign-in/:id', (req, res, next) => {
    const user = users.get(Number(req.params.id));
    if (!user) return void res.status(404).send('No such user');
    req.login(user, (error) => (error ? next(error) : res.send('signed in')));
  });
  signedIn = (req, res, next) => (req.user ? next() : res.status(401).send('Sign in first'));
}

app.get('/ballots/:memberState', signedIn, async (req, res) => {
  const row = await db('ballots as b').join('revisions as r', function () {
    this.on('r.ballot_id', '=', 'b.id').andOn('r.revision', '=', 'b.current_revision');
  }).where('b.member_state_id', Number(req.params.memberState)).first('r.revision', 'r.answers', 'r.submitted_at');
  if (!row) return res.status(404).send('No ballot');
  res.send(`<!doctype html><html lang="en"><head><title>Ballot</title></head><body><h1>Ballot, revision ${row.revision}</h1><p>${row.submitted_at}</p><pre>${String(row.answers).replace(/</g, '&lt;')}</pre></body></html>`);
});

const server = app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => void db.destroy().finally(() => process.exit(0))));
