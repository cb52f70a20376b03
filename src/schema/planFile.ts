// The plan file format ("solfjadern-plan"), as a zod schema: the one definition the
// exporter writes, the importer checks, and docs/plan.schema.json is generated from.
import { z } from 'zod';
import { isReservedId } from '../domain/ids';
import { ANSVARSNIVAER, EXTRA_CHOICES, MAX_AUTHOR_LENGTH, MAX_BLADES, MAX_COMMENT_LENGTH, MAX_LIMIT, MAX_RINGS, MIN_BLADES, MIN_RINGS, STATUSES } from '../domain/types';
import { FILE_FORMAT, FILE_VERSION } from './version';
import { LIMITS } from '../domain/limits';

export { FILE_FORMAT, FILE_VERSION };

// The app runs under a CSP without 'unsafe-eval': zod must not compile parsers with new Function.
z.config({ jitless: true });

export { LIMITS };

/** Ids are keys of plain objects in the app: names that would reach Object.prototype are refused. */
const id = z
  .string()
  .min(1)
  .max(LIMITS.id)
  .refine((v) => !isReservedId(v));
const text = (max: number) => z.string().max(max);

export const bladeSchema = z.object({
  id,
  name: z.string().min(1).max(LIMITS.bladeName),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});

export const ringSchema = z.object({
  id,
  label: z.string().min(1).max(LIMITS.ringLabel),
  year: z.number().int().min(2000).max(2100).nullable(),
});

export const effektmalSchema = z.object({
  id,
  text: text(LIMITS.short).min(1),
  sikt: z.enum(['kort', 'lang']),
});

export const catalogueSchema = z.object({
  delomraden: z
    .array(
      z.object({
        id,
        name: z.string().min(1).max(LIMITS.name),
        effektmal: z.array(effektmalSchema).max(LIMITS.catalogue),
        limit: z.number().int().min(1).max(MAX_LIMIT),
      }),
    )
    .max(LIMITS.catalogue),
  kallor: z.array(z.string().max(LIMITS.name)).max(LIMITS.catalogue),
});

export const planSchema = z.object({
  id,
  name: z.string().min(1).max(LIMITS.name),
  vision: text(LIMITS.short),
  blades: z.array(bladeSchema).min(MIN_BLADES).max(MAX_BLADES),
  rings: z.array(ringSchema).min(MIN_RINGS).max(MAX_RINGS),
  catalogue: catalogueSchema,
  createdAt: z.string().max(40),
});

export const itemSchema = z.object({
  id,
  planId: id,
  text: z.string().min(1).max(LIMITS.itemText),
  description: text(LIMITS.description),
  delomraden: z.array(id).max(LIMITS.catalogue),
  effektmal: z.array(id).max(LIMITS.catalogue),
  indikator: z.object({
    text: text(LIMITS.short),
    target: z.number().finite().nullable(),
    unit: text(LIMITS.unit),
  }),
  ansvarsniva: z.enum(ANSVARSNIVAER).nullable(),
  kalla: text(LIMITS.name),
  extraChoice: z.enum(EXTRA_CHOICES),
  extra: z.boolean(),
  status: z.enum(STATUSES),
  comments: z
    .array(
      z.object({
        id,
        author: z.string().min(1).max(MAX_AUTHOR_LENGTH),
        at: z.string().max(40),
        text: z.string().min(1).max(MAX_COMMENT_LENGTH),
      }),
    )
    .max(LIMITS.comments),
  sources: z
    .array(
      z.object({
        inputId: id,
        kalla: text(LIMITS.name),
        text: text(LIMITS.sourceText),
        rank: z.number().int().min(0),
      }),
    )
    .max(LIMITS.sources),
  cell: z.object({ bladeId: id, ringId: id }).nullable(),
  rank: z.number().int().min(0),
});

/** Uppföljning's records of one kind: each restored on its own when read (./followUpRecords.ts). */
const followUpRecords = z.array(z.record(z.string(), z.unknown())).max(LIMITS.followUpRecords);

export const followUpSchema = z.object({
  periods: followUpRecords,
  progress: followUpRecords,
  measurements: followUpRecords,
  judgements: followUpRecords,
  performed: followUpRecords,
});

export const planFileSchema = z.object({
  format: z.literal(FILE_FORMAT),
  version: z.literal(FILE_VERSION),
  exportedAt: z.string().max(40),
  source: z.string().max(LIMITS.name),
  /** Who the file was sent to ("Skicka ut"): what comes back says where it came from. */
  recipient: z.string().max(LIMITS.name).optional(),
  plan: planSchema,
  /** Inspel first, then each blade's cells from the hub outwards, each in priority order. */
  items: z.array(itemSchema).max(LIMITS.items),
  /** Uppföljning: periods, each item's progress per period, indicator values, judgements, what the offices did. */
  followUp: followUpSchema,
});

export type PlanFile = z.infer<typeof planFileSchema>;
