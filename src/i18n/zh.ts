/**
 * Every Chinese figure table (the server, the tests). Chinese islands import only the families they use, from ./zh/,
 * through their entries in src/components/zh/; English pages load none of them.
 */
import './zh/kit.ts';
import './zh/activations.ts';
import './zh/activation-table.ts';
import './zh/function-figures.ts';
import './zh/lstm.ts';
import './zh/lstm-series.ts';
import './zh/gradients.ts';
import './zh/experiments.ts';
import './zh/gradient-tables.ts';
import './zh/forum-claims.ts';
