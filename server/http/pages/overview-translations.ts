import { Router, type Request, type Response } from 'express';
import type { Deps } from '../../domain/deps.js';
import { AppError } from '../../domain/errors.js';
import { getEvent, isCallOpen } from '../../domain/overviews/events.js';
import { countWords } from '../../domain/overviews/markdown.js';
import { isInvited, OVERVIEW_REFUSALS, overviewForDelegation } from '../../domain/overviews/overviews.js';
import { removeTranslation, saveTranslation } from '../../domain/overviews/translation-changes.js';
import { refusalOf } from '../../domain/refusals.js';
import type { Language } from '../../i18n/languages.js';
import { fieldErrors } from '../forms/field-errors.js';
import { idParam, integerFromText, languageParam, numberFromText } from '../forms/params.js';
import { allow } from '../middleware/roles.js';
import { refusalText } from '../refusal-text.js';
import { textIn } from '../view-models/overviews.js';

const field = (body: unknown, name: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : '';
};
const baseOf = (body: unknown) => {
  const base = numberFromText(field(body, 'baseRevision'));
  return base === null ? {} : { baseRevision: base };
};

/** A delegation's translations of its overview, one page per language (mounted under /events). */
export function overviewTranslationPages(deps: Deps): Router {
  const router = Router();
  const pageOf = (eventId: number, language: Language) => `/events/${eventId}/overview/translations/${language}`;

  router.get('/:id/overview/translations/:lang', allow('delegate'), async (req, res) => {
    await renderTranslationForm(deps, req, res, idParam(req.params.id), languageParam(req.params.lang));
  });

  router.post('/:id/overview/translations/:lang', allow('delegate'), async (req, res) => {
    const eventId = idParam(req.params.id);
    const language = languageParam(req.params.lang);
    const count = (await getEvent(deps, req.user!, eventId)).call?.sections.length ?? 0;
    const input = {
      ...baseOf(req.body),
      title: field(req.body, 'title'),
      sections: Array.from({ length: count }, (_, i) => ({ text: field(req.body, `section_${i}`) })),
      ...(field(req.body, 'action') === 'submit' ? { submit: true } : {}),
    };
    try {
      const saved = await saveTranslation(deps, req.user!, eventId, language, input);
      res.redirect(303, `${pageOf(eventId, language)}?saved=${saved.revision}`);
    } catch (error) {
      const refusal = refusalOf(error, OVERVIEW_REFUSALS);
      if (refusal) return renderTranslationForm(deps, req, res, eventId, language, { status: 409, general: [refusalText(req, refusal)], errors: {}, values: input });
      const messages = fieldErrors(error, req.t);
      if (!messages) throw error;
      return renderTranslationForm(deps, req, res, eventId, language, { status: 422, general: [], errors: messages, values: input });
    }
  });

  router.post('/:id/overview/translations/:lang/remove', allow('delegate'), async (req, res) => {
    const eventId = idParam(req.params.id);
    const language = languageParam(req.params.lang);
    try {
      const saved = await removeTranslation(deps, req.user!, eventId, language, baseOf(req.body));
      res.redirect(303, `${pageOf(eventId, language)}?removed=${saved.revision}`);
    } catch (error) {
      const refusal = refusalOf(error, OVERVIEW_REFUSALS);
      if (!refusal) throw error;
      return renderTranslationForm(deps, req, res, eventId, language, { status: 409, general: [refusalText(req, refusal)], errors: {}, values: null });
    }
  });

  return router;
}

interface FormState {
  readonly status: number;
  readonly general: string[];
  readonly errors: Record<string, string>;
  /** What the delegate typed; null: the translation as saved. */
  readonly values: { title: string; sections: { text: string }[] } | null;
}

async function renderTranslationForm(deps: Deps, req: Request, res: Response, eventId: number, language: Language, state: FormState | null = null) {
  const { event, overview } = await overviewForDelegation(deps, req.user!, eventId);
  if (!isInvited(event, req.user!.memberStateId!)) throw new AppError('forbidden', 'errors.notInvited');
  if (!overview) throw new AppError('conflict', 'errors.overviewNotStarted');
  if (language === overview.language) return res.redirect(303, `/events/${eventId}/overview`);
  const call = event.call!;
  const translation = overview.translations.find((t) => t.language === language);
  const values = state?.values ?? {
    title: translation?.title ?? '',
    sections: call.sections.map((_, i) => ({ text: translation?.sections[i]?.text ?? '' })),
  };
  const editable = isCallOpen(call, deps.clock.now()) && !['published', 'withdrawn'].includes(overview.status);
  const notice = (name: 'saved' | 'removed') => (integerFromText(req.query[name], 1) === overview.revision ? name : null);
  res.status(state?.status ?? 200).render('events/translation-form', {
    title: req.t('overviewTranslations.form.title', { translation: req.t(`overviewTranslations.names.${language}`), event: textIn(event.title, req.lang).text }),
    event, call, overview, language, translation, values, editable,
    notice: notice('saved') ?? notice('removed'),
    words: values.sections.reduce((n, s) => n + countWords(s.text), 0),
    sections: call.sections.map((s, i) => ({
      heading: textIn(s.heading, language), guidance: textIn(s.guidance, language),
      original: { heading: textIn(s.heading, overview.language), html: overview.sections[i]?.html ?? '' },
    })),
    general: state?.general ?? [],
    errors: state?.errors ?? {},
  });
}
