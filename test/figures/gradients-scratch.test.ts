import { it } from 'vitest';
import { computeFlow } from '../../src/figures/gradients/compute';
import { pytorchDefaultRadius, normAt, clipRows } from '../../src/figures/gradients/numbers';
it('prints', () => {
  console.log('pt radius', pytorchDefaultRadius());
  const b = { c: 'rnn', a: 'tanh', r: 1, w: 'orth', bf: 0, t: 200, s: 1 } as const;
  const show = (p: any) => { const r = computeFlow(p); console.log(JSON.stringify(p), 'T', r.T, 'ovf', r.overflowStep, 'h', normAt(r,'h'), 'ref', normAt(r,'ref'), r.c ? 'c ' + normAt(r,'c') : '', 'h50', normAt(r,'h',Math.min(50,r.T-1)), 'clip', r.clip.before); };
  show(b); show({...b, a:'sigmoid'}); show({...b, a:'identity', r: 0.9}); show({...b, a:'identity'}); show({...b, w:'gauss'}); show({...b, a:'relu', r: 3, t: 1000}); show({...b, a:'sigmoid', r:0.05, t:1000}); show({...b, r: 8, t: 1000}); show({...b, a:'relu'});show({...b, a:'hardtanh'});
  const l = { ...b, c: 'lstm', r: 0.5, bf: 1 } as const;
  show(l); show({...l, bf: 0}); show({...l, bf: 5}); show({...l, r: 0}); show({...l, r:0, bf:5}); show({...l, a:'relu'});
  show({ ...b, c: 'gru', r: 0.5, bf: 0 }); show({ ...b, c: 'gru', r: 0.5, bf: 2 });
});
