import { Router, type NextFunction, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import {
  createEvent, createEventsFromSurvey, getEvent, listPolicyEvents, memberStateCodes, updateEvent, type PolicyEvent,
} from '../../domain/overviews/events.js';
import {
  getOverview, overviewForDelegation, plainSnippet, reviewOverview, saveOverview, searchCatalogue, versionPath, type Overview,
} from '../../domain/overviews/overviews.js';
import { sendCatalogueCsv } from '../exports.js';
import { idParam } from '../forms/params.js';
import { allow, anySignedIn } from '../middleware/roles.js';
import { bearerAuth } from './bearer.js';

/** An event as API.md's scripts see it, with its call; invited Member States by ISO code, as they are given. */
export function eventJson(e: PolicyEvent, codes: ReadonlyMap<number, string>) {
  return {
    id: e.id, title: e.title, reference: e.reference, startsOn: e.startsOn, endsOn: e.endsOn, place: e.place,
    survey: e.surveyId, option: e.optionId, createdAt: e.createdAt,
    call: e.call ? {
      deadline: e.call.deadline, maxWords: e.call.maxWords, sections: e.call.sections,
      invited: e.call.invited === null ? null : e.call.invited.map((id) => codes.get(id) ?? String(id)),
    } : null,
  };
}

export function overviewJson(o: Overview, options: { public: boolean }) {
  return {
    id: o.id, event: o.event.id, memberState: o.memberStateIso3, language: o.language, title: o.title, status: o.status, revision: o.revision,
    sections: o.sections.map((s) => ({ heading: s.heading, text: s.text, html: s.html })),
    words: o.words, maxWords: o.event.call?.maxWords ?? null,
    translations: o.translations.map((t) => ({
      language: t.language, title: t.title, sections: t.sections.map((s) => ({ text: s.text, html: s.html })), words: t.words, updatedAt: t.savedAt,
      ...(options.public ? {} : { updatedBy: t.savedBy }),
    })),
    submittedAt: o.submittedAt, publishedAt: o.publishedAt, updatedAt: o.updatedAt,
    attachment: o.attachment ? { ...o.attachment, url: `/api/v1/overviews/${o.id}/attachment.pdf` } : null,
    ...(options.public ? {} : { comment: o.comment, updatedBy: o.updatedBy }),
  };
}

/** Bearer authentication when a token is given; without one the caller is the public. */
export function optionalBearer(deps: Deps) {
  const auth = bearerAuth(deps);
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (req.get('authorization') === undefined) return next();
    await auth(req, res, next);
  };
}

/** The public catalogue of published overviews: no token needed (mounted before bearer authentication). */
export function publicOverviewsApi(deps: Deps): Router {
  const router = Router();
  router.get('/overviews', optionalBearer(deps), async (req, res) => {
    const { hits } = await searchCatalogue(deps, req.query);
    res.json({
      results: hits.map((h) => ({
        id: h.id, event: h.event_id, eventTitle: h.event?.title ?? null, topic: h.topic_id, memberState: h.iso3, language: h.language, title: h.title,
        originalLanguage: h.original_language, url: versionPath(h.id, h.language, h.original_language),
        snippet: plainSnippet(h.snippet), publishedAt: h.published_at,
      })),
    });
  });
  // The same results as CSV (every page, up to CATALOGUE_CSV_MAX_ROWS), titles in English.
  router.get('/overviews.csv', optionalBearer(deps), sendCatalogueCsv(deps, () => 'en'));
  router.get('/overviews/:id', optionalBearer(deps), async (req, res) => {
    const overview = await getOverview(deps, req.user ?? null, idParam(req.params.id));
    res.json(overviewJson(overview, { public: req.user === undefined || req.user.role === 'delegate' && overview.status === 'published' }));
  });
  return router;
}

/** Events, the delegations' overviews and their review: bearer token required. */
export function overviewsApi(deps: Deps): Router {
  const router = Router();

  router.post('/events', allow('admin'), async (req, res) => {
    res.status(201).json(eventJson(await createEvent(deps, req.user!, req.body), await memberStateCodes(deps)));
  });

  // Our extension: the same body as POST /events (survey and option stay as they were).
  router.put('/events/:id', allow('admin'), async (req, res) => {
    res.json(eventJson(await updateEvent(deps, req.user!, idParam(req.params.id), req.body), await memberStateCodes(deps)));
  });

  // Our extension: the events for the options a closed survey's question retained.
  router.post('/surveys/:id/events', allow('admin'), async (req, res) => {
    const created = await createEventsFromSurvey(deps, req.user!, idParam(req.params.id), req.body);
    const codes = await memberStateCodes(deps);
    res.status(201).json({ events: created.map((e) => eventJson(e, codes)) });
  });

  router.get('/events', anySignedIn, async (req, res) => {
    const codes = await memberStateCodes(deps);
    res.json({ events: (await listPolicyEvents(deps, req.user!)).map((e) => eventJson(e, codes)) });
  });

  router.get('/events/:id', anySignedIn, async (req, res) => {
    res.json(eventJson(await getEvent(deps, req.user!, idParam(req.params.id)), await memberStateCodes(deps)));
  });

  router.get('/events/:id/overview', allow('delegate'), async (req, res) => {
    const { event, overview } = await overviewForDelegation(deps, req.user!, idParam(req.params.id));
    res.json(overview
      ? overviewJson(overview, { public: false })
      : { id: null, event: event.id, memberState: req.user!.memberStateIso3, status: null, revision: 0, sections: [], translations: [], maxWords: event.call?.maxWords ?? null, attachment: null });
  });

  router.put('/events/:id/overview', allow('delegate'), async (req, res) => {
    res.json(await saveOverview(deps, req.user!, idParam(req.params.id), req.body));
  });

  for (const action of ['publish', 'return', 'withdraw'] as const) {
    router.post(`/overviews/:id/${action}`, allow('admin'), async (req, res) => {
      res.json(overviewJson(await reviewOverview(deps, req.user!, idParam(req.params.id), action, req.body ?? {}), { public: false }));
    });
  }

  return router;
}
