// The plan model: plain, serialisable data. Everything else (store, storage, fan
// geometry, components) is built on these types.

export type PlanId = string;
export type ItemId = string;
export type BladeId = string;
export type RingId = string;

/** A fokusområde: one blade of the fan. */
export interface Blade {
  id: BladeId;
  name: string;
  /** Hex colour, `#rrggbb`. */
  color: string;
}

/** A horisont: one ring of the fan. The last ring of a plan is the målbild. */
export interface Ring {
  id: RingId;
  label: string;
  year: number | null;
}

export type EffektmalSikt = 'kort' | 'lang';

export interface Effektmal {
  id: string;
  text: string;
  sikt: EffektmalSikt;
}

/** A delområde of the genomförandeplan with its effektmål. */
export interface Delomrade {
  id: string;
  name: string;
  effektmal: Effektmal[];
  /** How many prioritised items per ring the instruction asks for (three; five for Nära vård). */
  limit: number;
}

export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 20;

/**
 * The user's say on whether an item is extra: follow the delområde limits ("auto"), or
 * always extra, or always prioritised whatever the limit.
 */
export const EXTRA_CHOICES = ['auto', 'extra', 'prioritized'] as const;
export type ExtraChoice = (typeof EXTRA_CHOICES)[number];
export const EXTRA_LABEL: Record<ExtraChoice, string> = { auto: 'enligt gränsen', extra: 'extra', prioritized: 'prioriterad' };

export interface Catalogue {
  delomraden: Delomrade[];
  /** Known proposers (källor), offered as suggestions. */
  kallor: string[];
}

export const ANSVARSNIVAER = ['KL HoS', 'Koncernövergripande grupp', 'Varje förvaltning'] as const;
export type Ansvarsniva = (typeof ANSVARSNIVAER)[number];

/** Where an item stands in review (DOMAIN.md, "Status"). */
export const STATUSES = ['forslag', 'godkand', 'andras', 'stryks'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABEL: Record<Status, string> = { forslag: 'förslag', godkand: 'godkänd', andras: 'ändras', stryks: 'stryks' };

/** A remark on an item in review: who, when, what. */
export interface Comment {
  id: string;
  author: string;
  /** ISO 8601 time. */
  at: string;
  text: string;
}

export const MAX_COMMENT_LENGTH = 2000;
export const MAX_AUTHOR_LENGTH = 80;

export interface Indikator {
  text: string;
  target: number | null;
  unit: string;
}

/** Where an item sits: a cell of the fan, or Inspel when null. */
export interface CellRef {
  bladeId: BladeId;
  ringId: RingId;
}

/** One office's proposal an item was made from ("Samla in"): who, their wording, their place. */
export interface Source {
  /** The collected input it came from (its id in the plan's collection). */
  inputId: string;
  kalla: string;
  text: string;
  /** Its place in the office's own list, 0 = most important. */
  rank: number;
}

export interface Item {
  id: ItemId;
  planId: PlanId;
  text: string;
  description: string;
  delomraden: string[];
  effektmal: string[];
  indikator: Indikator;
  ansvarsniva: Ansvarsniva | null;
  /**
   * The proposer (källa): who suggested it, as written. Not to be confused with `sources`,
   * the collected proposals (Samla in) it was made from — each with its own `kalla`.
   */
  kalla: string;
  /** The user's say on extra; see `extra`. */
  extraChoice: ExtraChoice;
  /**
   * Beyond the prioritised ones (shown in italics). Derived: the extraChoice, or under
   * "auto" the delområde limits — kept up to date by `settleExtras` after every change.
   */
  extra: boolean;
  /** Review status; a struck item stays (struck through) until someone removes it. */
  status: Status;
  /** Review comments, oldest first. */
  comments: Comment[];
  /** The collected proposals it was made from, with who proposed them; empty when typed here. */
  sources: Source[];
  /** null = in Inspel. */
  cell: CellRef | null;
  /** Position within its container, 0 = most important. Consecutive per container. */
  rank: number;
}

export interface Plan {
  id: PlanId;
  name: string;
  vision: string;
  blades: Blade[];
  rings: Ring[];
  catalogue: Catalogue;
  createdAt: string;
  /**
   * Who this plan was sent to ("Skicka ut"), when it was opened from such a file: new items
   * get it as källa, and files made from the plan carry it, so what is sent back says where
   * it came from. In the file it is the top-level `recipient`.
   */
  recipient?: string;
}

/** One plan with its items: the unit the editor, history and storage work on. */
export interface PlanDoc {
  plan: Plan;
  items: Record<ItemId, Item>;
}

export const MIN_BLADES = 3;
export const MAX_BLADES = 8;
export const MIN_RINGS = 2;
export const MAX_RINGS = 5;
