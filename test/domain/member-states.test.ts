import { expect } from 'chai';
import type { Actor, Deps } from '../../server/domain/deps.js';
import {
  createMemberState, editMemberState, getMemberState, importMemberStates, listAllMemberStates, type MemberState,
} from '../../server/domain/member-states.js';
import { latestAuditEntry, latestAuditSeq } from '../helpers/audit.js';
import { rejection } from '../helpers/errors.js';
import { useSignedIn, type TestAccount } from '../helpers/signed-in.js';

const MEXICO = { iso3: 'mex', names: { en: 'Mexico', fr: 'Mexique', es: 'México' }, status: 'member' };

describe('Member States (domain)', () => {
  let deps: Deps;
  let admin: Actor;
  let staff: TestAccount;
  let delegate: TestAccount;
  let peru: MemberState;

  useSignedIn({ memberStates: ['PER'] }, async (s) => {
    deps = s.ctx.deps;
    admin = s.admin.actor;
    peru = s.memberStates.PER!;
    staff = await s.createStaff();
    delegate = await s.createDelegate('PER');
  });

  const codes = async () => (await listAllMemberStates(deps, admin)).map((m) => m.iso3);

  describe('createMemberState', () => {
    it('creates a Member State with its code in capitals, readable back and recorded in the audit log', async () => {
      const created = await createMemberState(deps, admin, MEXICO);
      expect(created).to.deep.include({ iso3: 'MEX', names: { en: 'Mexico', fr: 'Mexique', es: 'México' }, status: 'member' });
      expect(await getMemberState(deps, admin, created.id)).to.deep.equal(created);
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'member-state.create', actor: admin.email, subject: 'member-state MEX' });
      expect(entry.details.to).to.deep.equal({ ...MEXICO, iso3: 'MEX' });
    });

    it('refuses a code already used as a conflict at the iso3 field, and writes nothing', async () => {
      const before = await latestAuditSeq(deps, admin);
      const error = await rejection(createMemberState(deps, admin, { ...MEXICO, iso3: 'per' }));
      expect(error.kind).to.equal('conflict');
      expect(error.fields).to.deep.equal([{ field: 'iso3', key: 'validation.iso3Taken', params: { iso3: 'PER' } }]);
      expect(await codes()).to.deep.equal(['PER']);
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
    });

    it('refuses a bad code, a missing name and an unknown status as invalid, naming each field', async () => {
      const error = await rejection(createMemberState(deps, admin, { iso3: 'MEXICO', names: { en: 'Mexico', fr: '', es: 'México' }, status: 'maybe' }));
      expect(error.kind).to.equal('invalid');
      expect(error.fields.map((f) => [f.field, f.key])).to.have.deep.members([
        ['iso3', 'validation.iso3'], ['names.fr', 'validation.required'], ['status', 'validation.status'],
      ]);
      expect(await codes()).to.deep.equal(['PER']);
    });

    it('refuses staff and delegates with forbidden', async () => {
      for (const actor of [staff.actor, delegate.actor]) {
        expect((await rejection(createMemberState(deps, actor, MEXICO))).kind, actor.role).to.equal('forbidden');
      }
      expect(await codes()).to.deep.equal(['PER']);
    });
  });

  describe('editMemberState', () => {
    it('changes the names and status and records both what they were and what they became', async () => {
      const edited = await editMemberState(deps, admin, peru.id, { iso3: 'PER', names: { en: 'Peru', fr: 'Pérou', es: 'Perú' }, status: 'observer' });
      expect(edited).to.deep.equal({ id: peru.id, iso3: 'PER', names: { en: 'Peru', fr: 'Pérou', es: 'Perú' }, status: 'observer' });
      expect(await getMemberState(deps, admin, peru.id)).to.deep.equal(edited);
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'member-state.update', subject: 'member-state PER' });
      expect(entry.details.from).to.deep.equal(peru);
      expect(entry.details.to).to.deep.include({ status: 'observer' });
    });

    it('refuses the code of another Member State as a conflict and keeps both', async () => {
      const mexico = await createMemberState(deps, admin, MEXICO);
      const error = await rejection(editMemberState(deps, admin, mexico.id, { ...MEXICO, iso3: 'PER' }));
      expect(error.kind).to.equal('conflict');
      expect(await getMemberState(deps, admin, mexico.id)).to.deep.equal(mexico);
    });

    it('refuses an unknown Member State with not_found, invalid input with invalid and staff with forbidden', async () => {
      expect((await rejection(editMemberState(deps, admin, 999_999, MEXICO))).kind).to.equal('not_found');
      expect((await rejection(editMemberState(deps, admin, peru.id, { ...MEXICO, status: '' }))).kind).to.equal('invalid');
      expect((await rejection(editMemberState(deps, staff.actor, peru.id, MEXICO))).kind).to.equal('forbidden');
      expect(await getMemberState(deps, admin, peru.id)).to.deep.equal(peru);
    });
  });

  describe('listAllMemberStates and getMemberState', () => {
    it('list the Member States by code to administrators and staff, and refuse delegates', async () => {
      await createMemberState(deps, admin, { ...MEXICO, iso3: 'ARG' });
      expect(await codes()).to.deep.equal(['ARG', 'PER']);
      expect((await listAllMemberStates(deps, staff.actor)).map((m) => m.iso3)).to.deep.equal(['ARG', 'PER']);
      expect(await getMemberState(deps, staff.actor, peru.id)).to.deep.equal(peru);
      expect((await rejection(listAllMemberStates(deps, delegate.actor))).kind).to.equal('forbidden');
      expect((await rejection(getMemberState(deps, delegate.actor, peru.id))).kind).to.equal('forbidden');
      expect((await rejection(getMemberState(deps, admin, 999_999))).kind).to.equal('not_found');
    });
  });

  describe('importMemberStates', () => {
    it('creates, updates, leaves unchanged and rejects row by row, and records the counts', async () => {
      const csv = [
        '\uFEFFISO3,Name_EN,name_fr,name_es,status',
        'PER,Peru (en),PER (fr),PER (es),member',
        'PER,Peru again,Pérou,Perú,member',
        'mex,Mexico,Mexique,México,OBSERVER',
        'XX,Nowhere,Nulle part,Ninguna,member',
        'CHL,Chile,Chili,Chile,member',
      ].join('\n');
      // PER's names differ from the helper's "PER (en)", so the first PER row updates it.
      const report = await importMemberStates(deps, admin, csv);
      expect(report).to.include({ created: 2, updated: 1, unchanged: 0, rejected: 2 });
      expect(report.rows.map((r) => [r.line, r.iso3, r.outcome])).to.deep.equal([
        [2, 'PER', 'updated'], [3, 'PER', 'rejected'], [4, 'MEX', 'created'], [5, 'XX', 'rejected'], [6, 'CHL', 'created'],
      ]);
      expect(report.rows[1]!.reasons).to.deep.equal([{ field: 'iso3', key: 'validation.iso3Repeated' }]);
      expect(report.rows[3]!.reasons).to.deep.equal([{ field: 'iso3', key: 'validation.iso3' }]);
      const states = await listAllMemberStates(deps, admin);
      expect(states.map((m) => [m.iso3, m.status, m.names.en])).to.deep.equal([['CHL', 'member', 'Chile'], ['MEX', 'observer', 'Mexico'], ['PER', 'member', 'Peru (en)']]);
      const entry = await latestAuditEntry(deps, admin);
      expect(entry).to.include({ action: 'member-state.import', subject: 'member-state' });
      expect(entry.details).to.deep.equal({ created: 2, updated: 1, unchanged: 0, rejected: 2, iso3: ['PER', 'MEX', 'CHL'] });
    });

    it('reports a row that matches what is stored as unchanged', async () => {
      const report = await importMemberStates(deps, admin, 'iso3,name_en,name_fr,name_es,status\nPER,PER (en),PER (fr),PER (es),member\n');
      expect(report).to.include({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    });

    it('refuses a file that is not CSV, lacks a column or has no rows as invalid, and writes nothing', async () => {
      const before = await latestAuditSeq(deps, admin);
      const cases: [string, string][] = [
        ['iso3,name_en,name_fr,name_es,status\nMEX,"Mexico,Mexique,México,member\n', 'errors.csvQuoteNotClosed'],
        ['iso3,name_en,name_fr,name_es,status\nMEX,Mexico,Mexique\n', 'errors.csvRowWidth'],
        ['iso3,name_en,name_fr,name_es,status\nMEX,"Mexico"x,Mexique,México,member\n', 'errors.csvBadQuote'],
        ['iso3,name_en,status\nMEX,Mexico,member\n', 'errors.csvColumns'],
        ['iso3,name_en,name_fr,name_es,status\n', 'errors.csvEmpty'],
      ];
      for (const [csv, key] of cases) {
        const error = await rejection(importMemberStates(deps, admin, csv));
        expect([error.kind, error.key], key).to.deep.equal(['invalid', key]);
      }
      expect((await rejection(importMemberStates(deps, admin, 'iso3,name_en,status\nMEX,Mexico,member\n'))).params).to.deep.equal({ columns: 'name_fr, name_es', separator: ',', encoding: 'UTF-8', found: 'iso3,name_en,status' });
      expect(await codes()).to.deep.equal(['PER']);
      expect(await latestAuditSeq(deps, admin)).to.equal(before);
    });

    it('refuses staff with forbidden', async () => {
      const error = await rejection(importMemberStates(deps, staff.actor, 'iso3,name_en,name_fr,name_es,status\nMEX,Mexico,Mexique,México,member\n'));
      expect(error.kind).to.equal('forbidden');
      expect(await codes()).to.deep.equal(['PER']);
    });
  });
});
