import { expect } from 'chai';
import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import { submitBallot } from '../../server/domain/ballots.js';
import type { Actor, Deps } from '../../server/domain/deps.js';
import { exportFileName, isExportKind, prepareExport, recentExports, type ExportKind } from '../../server/domain/exports/index.js';
import { parseBltFile } from '../../server/ballot-files/index.js';
import { surveyResults } from '../../server/domain/results.js';
import { openSurvey } from '../../server/domain/surveys/lifecycle.js';
import { countQuestion, toResultJson } from '../../server/tally/index.js';
import type { Survey } from '../../server/domain/surveys/model.js';
import { latestAuditEntry, latestAuditSeq } from '../helpers/audit.js';
import { rejection } from '../helpers/errors.js';
import { useSignedIn, type TestAccount } from '../helpers/signed-in.js';
import { createTestSurvey } from '../helpers/surveys.js';

/** A stream that keeps what is written to it. */
function collector() {
  const chunks: Buffer[] = [];
  const out = new Writable({ write(chunk: Buffer, _enc, done) { chunks.push(chunk); done(); } });
  return { out, bytes: () => Buffer.concat(chunks) };
}

describe('exports (domain)', () => {
  let deps: Deps;
  let admin: Actor;
  let staff: TestAccount;
  let delegate: TestAccount;
  let survey: Survey;

  useSignedIn({ memberStates: ['ARG', 'BEL', 'CAN'] }, async (s) => {
    deps = s.ctx.deps;
    admin = s.admin.actor;
    staff = await s.createStaff();
    delegate = await s.createDelegate('ARG');
    survey = await openSurvey(deps, admin, (await createTestSurvey(deps, admin)).id);
    const [theme, topics] = survey.questions;
    const ballots: [string, number[], number[] | 'abstain'][] = [['ARG', [1, 0], [0, 1]], ['BEL', [1], 'abstain'], ['CAN', [0], [2, 0, 1]]];
    for (const [iso3, first, second] of ballots) {
      await submitBallot(deps, admin, survey.id, {
        answers: [
          { question: theme!.id, ranking: first.map((i) => theme!.options[i]!.id) },
          second === 'abstain' ? { question: topics!.id, abstain: true } : { question: topics!.id, ranking: second.map((i) => topics!.options[i]!.id) },
        ],
      }, { channel: 'paper', memberStateId: s.memberStates[iso3]!.id });
    }
  });

  /** Prepares and writes an export; the file's text and what `write` returned. */
  async function exportOf(actor: Actor, kind: ExportKind, options: Record<string, unknown> = {}) {
    const file = await prepareExport(deps, actor, survey.id, kind, options);
    const { out, bytes } = collector();
    const written = await file.write(out);
    return { file, written, bytes: bytes(), lines: bytes().toString('utf8').split('\r\n').filter(Boolean) };
  }

  describe('prepareExport', () => {
    it('writes the ballots, one row per Member State and question, and records the file\'s SHA-256 in the audit log', async () => {
      const { file, written, bytes, lines } = await exportOf(staff.actor, 'ballots');
      expect(file).to.include({ fileName: 'ic-2007-17_international-dialogue-on-migration-2008_ballots.csv', contentType: 'text/csv; charset=utf-8' });
      expect(lines[0]).to.equal('iso3,member_state,question_id,question,channel,revision,submitted_at,abstained,rank_1,rank_2,rank_3,rank_4,ranking_key');
      expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).concat(l.split(',')[7]!))).to.deep.equal([
        ['ARG', 'ARG (en)', 'no'], ['ARG', 'ARG (en)', 'no'], ['BEL', 'BEL (en)', 'no'], ['BEL', 'BEL (en)', 'yes'], ['CAN', 'CAN (en)', 'no'], ['CAN', 'CAN (en)', 'no'],
      ]);
      expect(lines[1]).to.match(/,B Migration and development,A Return migration,,,r[0-9a-f]{12}$/);
      expect(written).to.deep.equal({ sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length, rows: 6 });
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'export.create', actor: staff.user.email, subject: `survey ${survey.id}` });
      expect(entry.details).to.deep.equal({ kind: 'ballots', question: null, options: { bom: false, sep: 'comma', anonymous: false }, rows: 6, bytes: bytes.length, sha256: written.sha256 });
    });

    it('leaves the Member States out when anonymous, and adds a byte-order mark and semicolons on request', async () => {
      const { lines, bytes } = await exportOf(admin, 'ballots', { anonymous: '1', bom: 'yes', sep: 'semicolon', question: String(survey.questions[0]!.id) });
      expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      expect(lines[0]).to.equal('\uFEFFquestion_id;question;channel;abstained;rank_1;rank_2;ranking_key');
      expect(lines).to.have.length(4);
      expect(lines.join('\n')).to.not.contain('ARG');
      expect((await latestAuditEntry(deps, admin)).details).to.deep.include({ question: survey.questions[0]!.id, options: { bom: true, sep: 'semicolon', anonymous: true } });
    });

    it('writes one question as a BLT ballot file: options and seats, one line per distinct ranking, names and title', async () => {
      const topics = survey.questions[1]!;
      const { file, lines, written } = await exportOf(admin, 'blt', { question: topics.id });
      expect(file.fileName).to.equal('ic-2007-17_international-dialogue-on-migration-2008_ballots_q2.blt');
      const text = lines.join('').split('\n');
      expect(text[0]).to.equal('4 2');
      expect(text.slice(1, 3)).to.have.members(['1 1 2 0', '1 3 1 2 0']);
      expect(text[3]).to.equal('0');
      expect(text.at(-2)).to.equal('"International Dialogue on Migration 2008 - Workshop topics"');
      expect(written.rows).to.equal(2);
    });

    it('writes BLT files that read back to the same ballots and the same result, with every method', async () => {
      const results = await surveyResults(deps, admin, survey.id);
      for (const q of results.questions) {
        const { bytes } = await exportOf(admin, 'blt', { question: q.question.id });
        const parsed = parseBltFile(bytes.toString('utf8'));
        expect(parsed.seats).to.equal(q.question.seats);
        expect([...parsed.options].sort()).to.deep.equal([...q.optionNames].sort());
        expect(parsed.ballots.valid).to.equal(q.official.valid);
        for (const counted of [q.official, ...q.others]) {
          const again = countQuestion({ method: counted.method, options: parsed.options, ballots: parsed.ballots, seats: parsed.seats, seed: results.seed });
          expect(toResultJson(again), `${q.question.id} ${counted.method}`).to.deep.equal(toResultJson(counted));
        }
      }
    });

    it('refuses a BLT file of every question and bad options as invalid, an unknown question or survey with not_found', async () => {
      expect((await rejection(prepareExport(deps, admin, survey.id, 'blt', {}))).key).to.equal('errors.bltOneQuestion');
      const badSep = await rejection(prepareExport(deps, admin, survey.id, 'ballots', { sep: 'tab' }));
      expect([badSep.kind, badSep.fields.map((f) => f.field)]).to.deep.equal(['invalid', ['sep']]);
      expect((await rejection(prepareExport(deps, admin, survey.id, 'ballots', { question: 999_999 }))).kind).to.equal('not_found');
      expect((await rejection(prepareExport(deps, admin, 999_999, 'ballots', {}))).kind).to.equal('not_found');
    });

    it('refuses delegates every export and staff the audit log, with forbidden and no audit entry', async () => {
      const before = await latestAuditSeq(deps, admin);
      expect((await rejection(prepareExport(deps, delegate.actor, survey.id, 'ballots', {}))).kind).to.equal('forbidden');
      expect((await rejection(prepareExport(deps, staff.actor, survey.id, 'audit', {}))).kind).to.equal('forbidden');
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
    });

    it('hides a draft from staff as not_found', async () => {
      const draft = await createTestSurvey(deps, admin);
      expect((await rejection(prepareExport(deps, staff.actor, draft.id, 'ballots', {}))).kind).to.equal('not_found');
    });

    it('writes the tally with the retained options and the participation of every member', async () => {
      const tally = await exportOf(admin, 'tally');
      expect(tally.lines[0]).to.equal('question_id,question,method,seats,option,label,title_en,first_preferences,final_value,place,retained,retained_order');
      const theme = tally.lines.slice(1).filter((l) => l.startsWith(`${survey.questions[0]!.id},`)).map((l) => l.split(','));
      expect(theme.map((c) => [c[4], c[7], c[10]])).to.deep.equal([['A Return migration', '1', 'no'], ['B Migration and development', '2', 'yes']]);
      const participation = await exportOf(admin, 'participation');
      expect(participation.lines.slice(1).map((l) => l.split(',').slice(0, 3))).to.deep.equal([['ARG', 'ARG (en)', 'yes'], ['BEL', 'BEL (en)', 'yes'], ['CAN', 'CAN (en)', 'yes']]);
      expect(participation.written.rows).to.equal(3);
    });
  });

  describe('recentExports', () => {
    it('lists the recorded exports of a survey, newest first, to administrators and staff only', async () => {
      const first = await exportOf(staff.actor, 'ballots');
      const second = await exportOf(admin, 'rounds', { sep: 'semicolon' });
      const listed = await recentExports(deps, staff.actor, survey.id, 10);
      expect(listed.map((e) => [e.kind, e.actor, e.sha256, e.rows])).to.deep.equal([
        ['rounds', admin.email, second.written.sha256, second.written.rows], ['ballots', staff.user.email, first.written.sha256, 6],
      ]);
      expect(listed[0]!.options).to.deep.equal({ bom: false, sep: 'semicolon', anonymous: false });
      expect((await rejection(recentExports(deps, delegate.actor, survey.id, 10))).kind).to.equal('forbidden');
    });
  });

  describe('exportFileName and isExportKind', () => {
    it('name the file after the reference, the title and the kind, and know the kinds', () => {
      expect(exportFileName({ ...survey, reference: '' }, 'pairwise', survey.questions[0])).to.equal(`survey-${survey.id}_international-dialogue-on-migration-2008_pairwise_q1.csv`);
      expect(isExportKind('rounds')).to.equal(true);
      expect(isExportKind('everything')).to.equal(false);
    });
  });
});
