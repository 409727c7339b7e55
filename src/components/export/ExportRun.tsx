/**
 * "Weights & PyTorch script" of the live-run figure: the trained model of the run on screen as a state_dict JSON and
 * a PyTorch script that rebuilds it and prints its loss on the run's first batch (src/figures/export/run-export.ts),
 * offered as two downloads made in the page (Blob links: nothing is sent anywhere). The weights come from the run's
 * Web Worker once the run is paused or has ended. Loaded only when the reader presses the figure's button.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { RunWeights } from '../../experiments/first-batch';
import { RUN_FILES, runExport, type RunExport } from '../../figures/export/run-export';

export type RunPhase = 'idle' | 'running' | 'paused' | 'done' | 'error';

export interface ExportRunProps {
  readonly id: string;
  /** The live run's id, phase and completed steps. */
  readonly runId: number;
  readonly phase: RunPhase;
  readonly step: number;
  readonly steps: number;
  /** Asks the run's worker for its weights as they are now. */
  readonly fetchWeights: () => Promise<RunWeights>;
  readonly onClose: () => void;
}

const READY: readonly RunPhase[] = ['paused', 'done'];

/** Blob URLs of an export's two files, revoked when they change or the panel closes. */
function useUrls(e: RunExport | null): { json: string; py: string } | null {
  const urls = useMemo(
    () =>
      e && {
        json: URL.createObjectURL(new Blob([e.json], { type: 'application/json' })),
        py: URL.createObjectURL(new Blob([e.script], { type: 'text/x-python' })),
      },
    [e],
  );
  useEffect(() => () => urls && Object.values(urls).forEach((u) => URL.revokeObjectURL(u)), [urls]);
  return urls;
}

export default function ExportRun({ id, runId, phase, step, steps, fetchWeights, onClose }: ExportRunProps) {
  const [e, setE] = useState<RunExport | null>(null);
  const [problem, setProblem] = useState('');
  const ready = READY.includes(phase);
  useEffect(() => {
    setE(null);
    setProblem('');
    if (!ready) return;
    let live = true;
    fetchWeights().then(
      (w) => live && setE(runExport(w)),
      (err: unknown) => live && setProblem(String(err)),
    );
    return () => {
      live = false;
    };
  }, [runId, ready, ready ? step : -1]);
  const urls = useUrls(e);
  const { weights: json, script: py } = RUN_FILES;
  return (
    <section
      class="gf-export"
      aria-labelledby={`${id}-export-title`}
      data-export="run"
      data-export-status={e ? 'ready' : problem ? 'error' : 'waiting'}
      data-loss={e ? String(e.loss) : ''}
      data-export-step={e ? String(e.step) : ''}
    >
      <h3 id={`${id}-export-title`}>Take the trained model away</h3>
      {e && urls ? (
        <>
          <ul>
            <li>
              <a href={urls.json} download={json} data-download="weights">
                Weights after {e.step} steps ({json}: a torch state_dict as JSON, float64)
              </a>
            </li>
            <li>
              <a href={urls.py} download={py} data-download="script">
                PyTorch script ({py})
              </a>
            </li>
          </ul>
          <p>
            Run it with <code>{`python3 ${py}`}</code> next to the weights (needs PyTorch). It rebuilds this model — the recurrent
            layer under the keys <code>rnn.*</code> as torch.nn.LSTM, GRU or RNN name them (a custom cell with the same parameters
            where the activations are not PyTorch’s), the readout as <code>readout.weight</code> and <code>readout.bias</code> —
            loads the weights, draws the run’s first training batch with the site’s own random numbers and prints the training
            loss on it; here it is <span data-export-loss="">{String(e.loss)}</span>.
          </p>
        </>
      ) : problem ? (
        <p role="alert">The weights could not be read: {problem}</p>
      ) : (
        <p role="status">
          {phase === 'running'
            ? `Training: step ${step} of ${steps}. Pause or let it finish, and the weights are offered here.`
            : phase === 'idle'
              ? 'Train this configuration (Run), then pause it or let it finish: its weights are offered here.'
              : phase === 'error'
                ? 'This run stopped with an error: there are no weights to offer.'
                : 'Reading the weights…'}
        </p>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </section>
  );
}
