import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { createEvent, getEvent, isCallOpen, listPolicyEvents, type PolicyEvent } from '../../domain/overviews/events.js';
import {
  catalogueLists, getOverview, isInvited, listOverviewsForReview, OVERVIEW_REFUSALS, overviewForDelegation, reviewOverview, saveOverview, searchCatalogue,
  CATALOGUE_PAGE_SIZE, type Overview,
} from '../../domain/overviews/overviews.js';
import { CATALOGUE_CSV_MAX_ROWS } from '../../domain/overviews/catalogue-csv.js';
import { countWords } from '../../domain/overviews/markdown.js';
import { refusalOf } from '../../domain/refusals.js';
import { sendCatalogueCsv } from '../exports.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam, numberFromText } from '../forms/params.js';
import { allow, anySignedIn } from '../middleware/roles.js';
import { refusalText } from '../refusal-text.js';
import { eventTitle, snippetHtml, textIn } from '../view-models/overviews.js';

const SECTION_ROWS = 4;
const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};

/** The public policy database: the catalogue and each published overview's page. No sign-in needed. */
export function publicOverviewPages(deps: Deps): Router {
  const router = Router();

  router.get('/overviews', async (req, res) => {
    const query = Object.fromEntries(Object.entries(req.query).filter(([, v]) => typeof v === 'string'));
    let errors: Record<string, string> = {};
    let result: Awaited<ReturnType<typeof searchCatalogue>> | null = null;
    try {
      result = await searchCatalogue(deps, query);
    } catch (error) {
      const messages = fieldErrors(error, req.t);
      if (!messages) throw error;
      errors = messages;
    }
    const { events, topics } = result ?? await catalogueLists(deps);
    const page = result?.query.page ?? 1;
    const link = (p: number) => `/overviews?${new URLSearchParams({ ...query, page: String(p) } as Record<string, string>).toString()}`;
    res.status(result ? 200 : 422).render('overviews/catalogue', {
      title: req.t('overviews.catalogue.title'),
      values: { q: '', lang: '', memberState: '', event: '', topic: '', year: '', sort: '', ...query },
      errors,
      events: events.map((e) => ({ id: e.id, title: eventTitle(e, req.lang) })),
      topics: topics.map((t) => ({ id: t.id, title: textIn(t.title, req.lang) }))
        .sort((a, b) => a.title.text.localeCompare(b.title.text, req.lang) || a.id - b.id),
      hits: (result?.hits ?? []).map((h) => ({
        id: h.id, title: h.title, language: h.language, iso3: h.iso3, publishedAt: h.published_at,
        event: eventTitle(h.event, req.lang), snippet: snippetHtml(h.snippet),
      })),
      csv: result ? `/overviews.csv?${new URLSearchParams(Object.entries(query as Record<string, string>).filter(([name]) => name !== 'page')).toString()}` : null,
      csvMax: CATALOGUE_CSV_MAX_ROWS,
      previous: page > 1 ? link(page - 1) : null,
      next: result && result.hits.length === CATALOGUE_PAGE_SIZE ? link(page + 1) : null,
    });
  });

  // The catalogue's results as CSV, names and titles in the page's language: a GET, it writes nothing.
  router.get('/overviews.csv', sendCatalogueCsv(deps, (req) => req.lang));

  router.get('/overviews/:id', async (req, res) => {
    const overview = await getOverview(deps, req.user ?? null, idParam(req.params.id));
    res.render('overviews/show', overviewPage(req, overview));
  });

  return router;
}

function overviewPage(req: Request, overview: Overview) {
  return {
    title: overview.title || eventTitle(overview.event, req.lang).text,
    overview,
    event: eventTitle(overview.event, req.lang),
    sections: overview.sections.map((s) => ({ heading: textIn(s.heading, overview.language), html: s.html })),
    isPublic: overview.status === 'published',
  };
}

/** Events and the delegations' overview forms: signed-in users. */
export function eventPages(deps: Deps): Router {
  const router = Router();

  router.get('/', anySignedIn, async (req, res) => {
    const events = await listPolicyEvents(deps, req.user!);
    const user = req.user!;
    const now = deps.clock.now();
    res.render('events/list', {
      title: req.t('events.list.title'),
      events: events.map((e) => ({
        id: e.id, title: textIn(e.title, req.lang), reference: e.reference, startsOn: e.startsOn, endsOn: e.endsOn, place: e.place,
        call: e.call, open: isCallOpen(e.call, now),
        canWrite: user.role === 'delegate' && user.memberStateId !== null && isInvited(e, user.memberStateId),
      })),
      isAdmin: user.role === 'admin',
      canReview: user.role === 'admin' || user.role === 'staff',
    });
  });

  router.get('/:id/overview', allow('delegate'), async (req, res) => {
    await renderForm(deps, req, res, idParam(req.params.id));
  });

  router.post('/:id/overview', allow('delegate'), async (req, res) => {
    const eventId = idParam(req.params.id);
    const event = await getEvent(deps, req.user!, eventId);
    const count = event.call?.sections.length ?? 0;
    const base = numberFromText(field(req.body, 'baseRevision'));
    const input = {
      ...(base === null ? {} : { baseRevision: base }),
      language: field(req.body, 'language'),
      title: field(req.body, 'title'),
      sections: Array.from({ length: count }, (_, i) => ({ text: field(req.body, `section_${i}`) })),
      ...(field(req.body, 'action') === 'submit' ? { submit: true } : {}),
    };
    try {
      const saved = await saveOverview(deps, req.user!, eventId, input);
      res.redirect(303, `/events/${eventId}/overview?saved=${saved.revision}`);
    } catch (error) {
      const refusal = refusalOf(error, OVERVIEW_REFUSALS);
      if (refusal) return renderForm(deps, req, res, eventId, { status: 409, general: [refusalText(req, refusal)], errors: {}, values: input });
      const messages = fieldErrors(error, req.t);
      if (!messages) throw error;
      return renderForm(deps, req, res, eventId, { status: 422, general: [], errors: messages, values: input });
    }
  });

  return router;
}

interface FormState {
  readonly status: number;
  readonly general: string[];
  readonly errors: Record<string, string>;
  readonly values: { language: string; title: string; sections: { text: string }[] };
}

async function renderForm(deps: Deps, req: Request, res: Response, eventId: number, state: FormState | null = null) {
  const { event, overview } = await overviewForDelegation(deps, req.user!, eventId);
  if (!isInvited(event, req.user!.memberStateId!)) throw new AppError('forbidden', 'errors.notInvited');
  const call = event.call!;
  const values = state?.values ?? {
    language: overview?.language ?? req.lang, title: overview?.title ?? '',
    sections: call.sections.map((_, i) => ({ text: overview?.sections[i]?.text ?? '' })),
  };
  const saved = typeof req.query.saved === 'string' && overview ? overview : null;
  const editable = isCallOpen(call, deps.clock.now()) && (!overview || !['published', 'withdrawn'].includes(overview.status));
  res.status(state?.status ?? 200).render('events/overview-form', {
    title: req.t('overviews.form.title', { event: textIn(event.title, req.lang).text }),
    event, call, overview, values, editable, saved,
    words: values.sections.reduce((n, s) => n + countWords(s.text), 0),
    headings: call.sections.map((s) => ({ heading: textIn(s.heading, req.lang), guidance: textIn(s.guidance, req.lang) })),
    general: state?.general ?? [],
    errors: state?.errors ?? {},
  });
}

/** The Administration's side: new events, and the review of submitted overviews. */
export function adminOverviewPages(deps: Deps): Router {
  const router = Router();

  router.get('/events/new', allow('admin'), (req, res) => {
    renderNewEvent(req, res, {}, {});
  });

  router.post('/events', allow('admin'), async (req, res) => {
    const b = req.body as Record<string, unknown> | undefined;
    const f = (name: string) => field(b, name).trim();
    const optional = (name: string) => (f(name) === '' ? undefined : f(name));
    const sections = Array.from({ length: SECTION_ROWS }, (_, i) => i).filter((i) => f(`heading_en_${i}`) !== '' || f(`heading_fr_${i}`) !== '' || f(`heading_es_${i}`) !== '')
      .map((i) => ({
        heading: { en: f(`heading_en_${i}`), fr: f(`heading_fr_${i}`), es: f(`heading_es_${i}`) },
        guidance: { en: f(`guidance_en_${i}`), fr: f(`guidance_fr_${i}`), es: f(`guidance_es_${i}`) },
      }));
    const deadline = f('deadline');
    const maxWords = numberFromText(f('maxWords'));
    const input = {
      title: { en: f('title_en'), fr: f('title_fr'), es: f('title_es') },
      reference: f('reference'), place: f('place'), startsOn: optional('startsOn'), endsOn: optional('endsOn'),
      call: {
        deadline: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(deadline) ? `${deadline}:00Z` : deadline,
        ...(maxWords === null ? {} : { maxWords }), sections,
      },
    };
    try {
      await createEvent(deps, req.user!, input);
      res.redirect(303, '/events');
    } catch (error) {
      const messages = fieldErrors(error, req.t);
      if (!messages) throw error;
      renderNewEvent(req, res, Object.fromEntries(Object.entries(b ?? {}).filter(([, v]) => typeof v === 'string')) as Record<string, string>, messages, 422);
    }
  });

  router.get('/overviews', allow('admin', 'staff'), async (req, res) => {
    const overviews = await listOverviewsForReview(deps, req.user!);
    res.render('admin/overviews/review', {
      title: req.t('overviews.review.title'),
      overviews: overviews.map((o) => ({ ...o, eventTitle: eventTitle(o.event, req.lang) })),
      canDecide: req.user!.role === 'admin',
    });
  });

  for (const action of ['publish', 'return', 'withdraw'] as const) {
    router.post(`/overviews/:id/${action}`, allow('admin'), async (req, res) => {
      const id = idParam(req.params.id);
      const text = field(req.body, 'comment');
      await reviewOverview(deps, req.user!, id, action, action === 'withdraw' ? { reason: text } : { comment: text });
      res.redirect(303, '/admin/overviews');
    });
  }

  return router;
}

function renderNewEvent(req: Request, res: Response, values: Record<string, string>, errors: Record<string, string>, status = 200) {
  res.status(status).render('admin/events/new', { title: req.t('events.new.title'), values, errors, rows: SECTION_ROWS });
}

export type { PolicyEvent };
