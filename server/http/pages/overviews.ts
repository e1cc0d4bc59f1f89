import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { getEvent, isCallOpen, listPolicyEvents } from '../../domain/overviews/events.js';
import {
  catalogueLists, getOverview, isInvited, listOverviewsForReview, OVERVIEW_REFUSALS, overviewForDelegation, reviewOverview, saveOverview, searchCatalogue,
  CATALOGUE_PAGE_SIZE, versionPath, type Overview,
} from '../../domain/overviews/overviews.js';
import type { OverviewTranslation } from '../../domain/overviews/translations.js';
import { CATALOGUE_CSV_MAX_ROWS } from '../../domain/overviews/catalogue-csv.js';
import { countWords } from '../../domain/overviews/markdown.js';
import { refusalOf } from '../../domain/refusals.js';
import { sendCatalogueCsv } from '../exports.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam, numberFromText } from '../forms/params.js';
import { allow, anySignedIn } from '../middleware/roles.js';
import { refusalText } from '../refusal-text.js';
import { isLanguage } from '../../i18n/languages.js';
import { translationLinks, versionPage } from '../view-models/overview-versions.js';
import { eventTitle, snippetHtml, textIn } from '../view-models/overviews.js';
import { attachmentForm, attachmentLink } from '../view-models/overview-attachments.js';
import type { Formatters } from '../../i18n/index.js';

const fmtOf = (req: Request) => (req.res!.locals as { fmt: Formatters }).fmt;
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
    const { events, topics, memberStates } = result ?? await catalogueLists(deps);
    const page = result?.query.page ?? 1;
    const link = (p: number) => `/overviews?${new URLSearchParams({ ...query, page: String(p) } as Record<string, string>).toString()}`;
    res.status(result ? 200 : 422).render('overviews/catalogue', {
      title: req.t('overviews.catalogue.title'),
      values: { q: '', lang: '', memberState: '', event: '', topic: '', year: '', sort: '', ...query },
      errors,
      events: events.map((e) => ({ id: e.id, title: eventTitle(e, req.lang) })),
      memberStates: memberStates.map((m) => ({ iso3: m.iso3, name: m.names[req.lang] })).sort((a, b) => a.name.localeCompare(b.name, req.lang)),
      topics: topics.map((t) => ({ id: t.id, title: textIn(t.title, req.lang) }))
        .sort((a, b) => a.title.text.localeCompare(b.title.text, req.lang) || a.id - b.id),
      hits: (result?.hits ?? []).map((h) => ({
        id: h.id, title: h.title, language: h.language, iso3: h.iso3, publishedAt: h.published_at,
        memberState: { en: h.name_en, fr: h.name_fr, es: h.name_es }[req.lang],
        url: versionPath(h.id, h.language, h.original_language), translatedFrom: h.language === h.original_language ? null : h.original_language,
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
    res.render('overviews/show', overviewPage(deps, req, overview));
  });

  // A translation of the overview; its original's language is the overview's own address.
  // Another word than a language code is left to the routes after this one (the attachment's download).
  router.get('/overviews/:id/:lang', async (req, res, next) => {
    if (!isLanguage(req.params.lang)) return next();
    const overview = await getOverview(deps, req.user ?? null, idParam(req.params.id));
    const language = req.params.lang;
    if (language === overview.language) return res.redirect(301, `/overviews/${overview.id}`);
    const translation = overview.translations.find((t) => t.language === language);
    if (!translation) throw new AppError('not_found', 'errors.notFound');
    res.render('overviews/show', overviewPage(deps, req, overview, translation));
  });

  return router;
}

function overviewPage(deps: Deps, req: Request, overview: Overview, translation?: OverviewTranslation) {
  const version = versionPage(overview, translation, deps.config.baseUrl);
  return {
    ...version,
    title: version.versionTitle || eventTitle(overview.event, req.lang).text,
    titleLang: version.versionTitle ? version.language : req.lang,
    overview,
    event: eventTitle(overview.event, req.lang),
    isPublic: overview.status === 'published',
    attachment: attachmentLink(overview.id, overview.attachment, req.t, fmtOf(req)),
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
      created: typeof req.query.created === 'string' && /^\d{1,3}$/.test(req.query.created) ? Number(req.query.created) : null,
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
  readonly values?: { language: string; title: string; sections: { text: string }[] };
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
    headings: call.sections.map((s) => ({ heading: textIn(s.heading, req.lang), guidance: textIn(s.guidance, req.lang), suggestedWords: s.suggestedWords })),
    general: state?.general ?? [],
    errors: state?.errors ?? {},
    attachment: attachmentForm(eventId, overview, editable, req.t, fmtOf(req)),
    translations: translationLinks(eventId, overview, editable),
  });
}
export { renderForm as renderOverviewForm };

/** The Administration's review of submitted overviews. */
export function adminOverviewPages(deps: Deps): Router {
  const router = Router();

  router.get('/overviews', allow('admin', 'staff'), async (req, res) => {
    const overviews = await listOverviewsForReview(deps, req.user!);
    res.render('admin/overviews/review', {
      title: req.t('overviews.review.title'),
      overviews: overviews.map((o) => ({ ...o, eventTitle: eventTitle(o.event, req.lang), attachmentLink: attachmentLink(o.id, o.attachment, req.t, fmtOf(req)) })),
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

