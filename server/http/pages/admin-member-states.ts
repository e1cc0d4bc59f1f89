import { Router } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { createMemberState, editMemberState, getMemberState, importMemberStates, listAllMemberStates } from '../../domain/member-states.js';
import { fieldErrors, formFieldLabel } from '../forms/field-errors.js';
import { memberStateFormInput } from '../forms/member-state.js';
import { idParam } from '../forms/params.js';
import { allow } from '../middleware/roles.js';

export function adminMemberStatePages(deps: Deps): Router {
  const router = Router();

  router.get('/', allow('admin', 'staff'), async (req, res) => {
    res.render('admin/member-states/index', { title: req.t('memberStates.title'), memberStates: await listAllMemberStates(deps, req.user!) });
  });

  router.use(allow('admin'));

  router.get('/new', (req, res) => {
    res.render('admin/member-states/form', { title: req.t('memberStates.new'), memberState: null, values: { status: 'member' }, errors: {}, fieldLabel: formFieldLabel(req.t) });
  });

  router.post('/', async (req, res) => {
    try {
      await createMemberState(deps, req.user!, memberStateFormInput(req.body));
      res.redirect(303, '/admin/member-states');
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      res.status(422).render('admin/member-states/form', { title: req.t('memberStates.new'), memberState: null, values: req.body, errors, fieldLabel: formFieldLabel(req.t) });
    }
  });

  router.get('/import', (req, res) => {
    res.render('admin/member-states/import', { title: req.t('memberStates.import.title'), report: null, error: null });
  });

  router.post('/import', async (req, res) => {
    const render = (status: number, report: unknown, error: string | null) =>
      res.status(status).render('admin/member-states/import', { title: req.t('memberStates.import.title'), report, error });
    if (!req.file) return render(422, null, req.t('memberStates.import.noFile'));
    try {
      const report = await importMemberStates(deps, req.user!, req.file.buffer);
      render(report.rejected > 0 ? 422 : 200, report, null);
    } catch (error) {
      if (error instanceof AppError && error.kind === 'invalid') return render(422, null, req.t(error.key, error.params));
      throw error;
    }
  });

  router.get('/:id', async (req, res) => {
    const m = await getMemberState(deps, req.user!, idParam(req.params.id));
    res.render('admin/member-states/form', {
      title: req.t('memberStates.edit', { iso3: m.iso3 }), memberState: m,
      values: { iso3: m.iso3, name_en: m.names.en, name_fr: m.names.fr, name_es: m.names.es, status: m.status }, errors: {},
    });
  });

  router.post('/:id', async (req, res) => {
    const id = idParam(req.params.id);
    try {
      await editMemberState(deps, req.user!, id, memberStateFormInput(req.body));
      res.redirect(303, '/admin/member-states');
    } catch (error) {
      const errors = fieldErrors(error, req.t);
      if (!errors) throw error;
      const m = await getMemberState(deps, req.user!, id);
      res.status(422).render('admin/member-states/form', { title: req.t('memberStates.edit', { iso3: m.iso3 }), memberState: m, values: req.body, errors, fieldLabel: formFieldLabel(req.t) });
    }
  });

  return router;
}
