import { z } from 'zod';
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

const optionSchema = z.object({
  id: id().optional(),
  label: z.string().trim().max(20, 'validation.tooLong').default(''),
  title: localised(500, true),
  description: localised(5000, false),
});

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
