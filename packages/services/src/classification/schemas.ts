/**
 * Zod schemas for what the engine produces, so stored evidence (a JSON
 * column) is validated on the way in and out, and for review input.
 */
import { z } from 'zod';
import { NORMALIZED_TYPES } from './column';
import { CLASSIFICATION_STATES } from './lifecycle';
import { SENSITIVITY_LEVELS } from './taxonomy';

export const nameSignalSchema = z.enum(['positive', 'negative', 'none']);
export const matchModeSchema = z.enum(['value', 'contains', 'name']);

export const scoreBreakdownSchema = z.object({
  valueScore: z.number().min(0).max(1).nullable(),
  valueLogit: z.number().nullable(),
  nameLogit: z.number(),
  precisionLogit: z.number(),
  confidence: z.number().min(0).max(1),
});

export const classificationEvidenceSchema = z.object({
  detector: z.string().min(1),
  detectorVersion: z.number().int().positive(),
  matchMode: matchModeSchema,
  sampled: z.number().int().nonnegative(),
  nonNull: z.number().int().nonnegative(),
  placeholders: z.number().int().nonnegative(),
  matched: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  matchRate: z.number().min(0).max(1),
  validatorPassRate: z.number().min(0).max(1).nullable(),
  distinct: z.number().int().nonnegative(),
  distinctRatio: z.number().min(0).max(1),
  rowCount: z.number().int().nonnegative().optional(),
  nameSignal: nameSignalSchema,
  namePattern: z.string().optional(),
  typeGate: z.literal('pass'),
  normalizedType: z.enum(NORMALIZED_TYPES),
  kinds: z.record(z.string(), z.number().int().nonnegative()),
  maskedExamples: z.array(z.string().max(200)).max(3),
  score: scoreBreakdownSchema,
  reasons: z.array(z.string()).min(1),
});

export const classificationSuggestionSchema = z.object({
  label: z.string().min(1),
  confidence: z.number().min(0).max(1),
  sensitivity: z.enum(SENSITIVITY_LEVELS),
  evidence: classificationEvidenceSchema,
  autoAccept: z.boolean(),
});

export const classificationStateSchema = z.enum(CLASSIFICATION_STATES);

export const reviewClassificationInput = z.object({
  classificationId: z.string().min(1),
  decision: z.enum(['accept', 'reject']),
  comment: z.string().max(2000).optional(),
});

export const feedbackCountsSchema = z.object({
  accepted: z.number().int().nonnegative(),
  rejected: z.number().int().nonnegative(),
});
