import { z } from 'zod';
import { findLookAlikes, normaliseName } from '../../ballot-files/index.js';
import { METHODS, type Method } from '../../tally/index.js';
import { id, integer } from '../validation.js';

const optionalText = (max: number) =>
  z.string().trim().max(max, 'validation.tooLong').nullish().transform((v) => (v ? v : null));

/** English required; French and Spanish optional (null until translated). A plain string is English. */
const localised = (max: number, required: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' || v === undefined || v === null ? { en: v ?? '' } : v),
    z.object({
      en: required ? z.string().trim().min(1, 'validation.required').max(max, 'validation.tooLong') : z.string().trim().max(max, 'validation.tooLong').default(''),
      fr: optionalText(max),
      es: optionalText(max),
    }),
  );

/** An option's label and title are its names: NFC, as ballot files and the count compare them. */
const optionSchema = z.object({
  id: id().optional(),
  label: z.string().trim().max(20, 'validation.tooLong').default(''),
  title: localised(500, true),
  description: localised(5000, false),
}).transform((o) => ({
  ...o,
  label: normaliseName(o.label),
  title: { en: normaliseName(o.title.en), fr: o.title.fr === null ? null : normaliseName(o.title.fr), es: o.title.es === null ? null : normaliseName(o.title.es) },
}));

/** The options whose label, or title in one language, looks like another option's (by case or look-alike characters). */
function lookAlikeOptions(options: readonly z.output<typeof optionSchema>[]): { index: number; field: 'label' | 'title' }[] {
  const found: { index: number; field: 'label' | 'title' }[] = [];
  const check = (field: 'label' | 'title', nameOf: (o: z.output<typeof optionSchema>) => string | null) => {
    const named = options.flatMap((o, index) => {
      const name = nameOf(o);
      return name ? [{ index, name }] : [];
    });
    for (const [, later] of findLookAlikes(named.map((n) => n.name))) {
      const index = named.find((n) => n.name === later)!.index;
      if (!found.some((f) => f.index === index && f.field === field)) found.push({ index, field });
    }
  };
  check('label', (o) => o.label);
  for (const lang of ['en', 'fr', 'es'] as const) check('title', (o) => o.title[lang]);
  return found;
}

const questionSchema = z.object({
  id: id().optional(),
  title: localised(500, true),
  description: localised(5000, false),
  seats: integer('validation.seats', 1).max(50, 'validation.seats').default(1),
  method: z.enum(METHODS as [Method, ...Method[]], { message: 'validation.method' }).optional(),
  maxRanks: integer('validation.maxRanks', 1).nullish().transform((v) => v ?? null),
  allowAbstain: z.boolean().default(true),
  allowComment: z.boolean().default(true),
  allowProposals: z.boolean().default(false),
  options: z.array(optionSchema).max(100, 'validation.tooMany').default([]),
}).transform((q) => ({ ...q, method: q.method ?? (q.seats > 1 ? 'stv' : 'irv') as Method }))
  .superRefine((q, ctx) => {
    if (q.options.length > 0 && q.seats >= q.options.length) ctx.addIssue({ code: 'custom', path: ['seats'], message: 'validation.seatsVsOptions' });
    if (q.maxRanks !== null && q.options.length > 0 && q.maxRanks > q.options.length) ctx.addIssue({ code: 'custom', path: ['maxRanks'], message: 'validation.maxRanks' });
    if (q.method === 'irv' && q.seats > 1) ctx.addIssue({ code: 'custom', path: ['method'], message: 'validation.irvOneSeat' });
    for (const { index, field } of lookAlikeOptions(q.options)) {
      ctx.addIssue({ code: 'custom', path: ['options', index, field, ...(field === 'title' ? ['en'] : [])], message: 'validation.optionLookAlike' });
    }
  });

export const surveyInputSchema = z.object({
  title: localised(300, true),
  description: localised(20000, false),
  reference: z.string().trim().max(60, 'validation.tooLong').nullish().transform((v) => v ?? ''),
  closesAt: z.union([z.iso.datetime({ offset: true, message: 'validation.dateTime' }), z.literal(''), z.null()]).optional()
    .transform((v) => (v ? new Date(v).toISOString() : null)),
  quorum: integer('validation.quorum', 1).nullish().transform((v) => v ?? null),
  questions: z.array(questionSchema).min(1, 'validation.oneQuestion').max(20, 'validation.tooMany'),
});

export type SurveyInput = z.output<typeof surveyInputSchema>;
export type QuestionInput = SurveyInput['questions'][number];
export type OptionInput = QuestionInput['options'][number];
