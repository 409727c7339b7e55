/**
 * Every English figure table that is not given inline (the server, the tests). English islands import the families
 * they use from ./en/ through their entries (src/components/figures/ActivationExplorer.tsx …); Chinese pages load none
 * of them. See ./core.ts.
 */
import './en/function-figures.ts';
import './en/gradients.ts';
import './en/lstm.ts';
