/**
 * "Weights and PyTorch script" of the gradient-flow figures: the network of the figure's current settings as a
 * state_dict JSON and a PyTorch script that rebuilds it and prints the loss the figure differentiates
 * (src/figures/export/gradient-export.ts), offered as two downloads made in the page (Blob links: nothing is sent
 * anywhere). Loaded only when the reader presses the figure's button.
 */
import { useEffect, useMemo } from 'preact/hooks';
import { flowExport } from '../../figures/export/gradient-export';
import type { FlowParams } from '../../figures/gradients/types';
import type { Lang } from '../../i18n/core';

const WORDS = {
  en: {
    title: 'Take the network away',
    weights: (f: string) => `Weights (${f}: a torch state_dict as JSON, float64)`,
    script: (f: string) => `PyTorch script (${f})`,
    run: 'Run it with',
    what: (loss: string) =>
      `The script rebuilds this network, loads the weights, draws the same input sequence with the site’s own random numbers and prints L = vᵀh_(T−1); here L = ${loss}.`,
    close: 'Close',
  },
  zh: {
    title: '带走这个网络',
    weights: (f: string) => `权重（${f}：JSON 格式的 torch state_dict，float64）`,
    script: (f: string) => `PyTorch 脚本（${f}）`,
    run: '运行方式：',
    what: (loss: string) =>
      `脚本会重建这个网络、载入权重、用本站自己的随机数生成同一个输入序列，并打印 L = vᵀh_(T−1)；本页算得 L = ${loss}。`,
    close: '关闭',
  },
} as const;

export interface ExportFlowProps {
  readonly id: string;
  readonly lang: Lang;
  readonly onClose: () => void;
  readonly params: FlowParams;
  /** The step count of the figure's loss (`FlowResult.T`). */
  readonly T: number;
}

export default function ExportFlow({ id, lang, onClose, params, T }: ExportFlowProps) {
  const w = WORDS[lang];
  const e = useMemo(() => flowExport(id, params, T), [id, params, T]);
  const urls = useMemo(
    () => ({
      json: URL.createObjectURL(new Blob([JSON.stringify(e.stateDict)], { type: 'application/json' })),
      py: URL.createObjectURL(new Blob([e.script], { type: 'text/x-python' })),
    }),
    [e],
  );
  useEffect(() => () => Object.values(urls).forEach((u) => URL.revokeObjectURL(u)), [urls]);
  const json = `${e.name}-weights.json`;
  const py = `${e.name}.py`;
  return (
    <section class="gf-export" aria-labelledby={`${id}-export-title`} data-export={e.name} data-loss={String(e.loss)}>
      <h3 id={`${id}-export-title`}>{w.title}</h3>
      <ul>
        <li>
          <a href={urls.json} download={json} data-download="weights">
            {w.weights(json)}
          </a>
        </li>
        <li>
          <a href={urls.py} download={py} data-download="script">
            {w.script(py)}
          </a>
        </li>
      </ul>
      <p>
        {w.run} <code>{`python3 ${py} ${json}`}</code>
      </p>
      <p>{w.what(String(e.loss))}</p>
      <button type="button" onClick={onClose}>
        {w.close}
      </button>
    </section>
  );
}
