/**
 * Every figure string table, by name, so the tests can check them all (same keys in every language, no empty
 * string, every template argument used). Components import the tables they need directly.
 */
import { ACTIVATION_NAMES } from './activations.ts';
import { ACTIVATION_COSTS, ACTIVATION_KINKS, ACTIVATION_TABLE } from './activation-table.ts';
import { ERRATA, EXPLORER, FUNCTION_PLOT, MORPH, SECOND_DERIVATIVES } from './function-figures.ts';
import { GRADIENTS } from './gradients.ts';
import { EXPERIMENT_WORDS } from './experiments.ts';
import { GRADIENT_TABLES } from './gradient-tables.ts';
import { FORUM_CLAIMS_TEXT } from './forum-claims.ts';
import { BYO } from './byo.ts';
import { KIT } from './kit.ts';
import { CELL, GROWTH, SERIES, UPDOWN } from './lstm.ts';
import './en.ts';
import './zh.ts';

export const FIGURE_STRINGS = {
  KIT,
  FUNCTION_PLOT,
  ACTIVATION_NAMES,
  ACTIVATION_COSTS,
  ACTIVATION_KINKS,
  ACTIVATION_TABLE,
  EXPLORER,
  MORPH,
  ERRATA,
  SECOND_DERIVATIVES,
  CELL,
  UPDOWN,
  GROWTH,
  SERIES,
  GRADIENTS,
  EXPERIMENT_WORDS,
  GRADIENT_TABLES,
  FORUM_CLAIMS_TEXT,
  BYO,
} as const;
