import { describe, expect, it } from 'vitest';
import { analyzeRuns, applyToDefinition, criticalPath, percentile, type StepRunSample } from '../src/workflow/analysis';
import { workflowDefinitionSchema } from '../src/workflow/definition';
import { validateDefinition } from '../src/workflow/validate';
import { testRegistry } from './workflow-registry';

const DS = '5b0c2f1e-8f35-4d4e-9a52-0c3f6a1d2b7e';
const OTHER = '0d7c4b61-65a4-4bb4-8c38-2d8f4f6a9e10';
const T0 = Date.parse('2026-11-01T00:00:00Z');

/** One finished run of a step that took `ms`. */
const run = (stepId: string, ms: number, extra: Partial<StepRunSample> = {}, at = 0): StepRunSample => ({
  stepId,
  status: 'succeeded',
  attempt: 1,
  startedAt: new Date(T0 + at),
  finishedAt: new Date(T0 + at + ms),
  ...extra,
});
const def = (input: unknown) => workflowDefinitionSchema.parse(input);

// scan → (notify reads nothing of scan; autoAccept on the same source) ; scan2 on another source
const graph = def({
  steps: [
    { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
    { id: 'accept', type: 'classification.autoAccept', dependsOn: ['scan'], config: { dataSourceId: DS, minConfidence: 0.9 } },
    { id: 'scan2', type: 'scan.run', dependsOn: ['scan'], config: { dataSourceId: OTHER } },
    { id: 'tell', type: 'notify', dependsOn: ['accept', 'scan2'], config: { title: 'Accepted {{ steps.accept.accepted }}' } },
  ],
});

describe('percentiles and stats', () => {
  it('uses nearest rank', () => {
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([10], 0.95)).toBe(10);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
  });

  it('counts finished runs only, with failure and retry rates', () => {
    const samples = [
      run('scan', 100),
      run('scan', 300),
      run('scan', 200, { status: 'failed', attempt: 2 }),
      run('scan', 0, { status: 'skipped', startedAt: null, finishedAt: null }),
      run('scan', 0, { status: 'cancelled' }),
    ];
    const [scan, accept] = analyzeRuns(graph, samples, testRegistry).stats;
    expect(scan).toEqual({ stepId: 'scan', p50Ms: 200, p95Ms: 300, runs: 3, failureRate: 1 / 3, retryRate: 1 / 3 });
    expect(accept).toEqual({ stepId: 'accept', p50Ms: null, p95Ms: null, runs: 0, failureRate: 0, retryRate: 0 });
  });
});

describe('critical path', () => {
  it('follows the heaviest chain by p50', () => {
    const weights: Record<string, number> = { scan: 1000, accept: 200, scan2: 5000, tell: 10 };
    expect(criticalPath(graph, (id) => weights[id]!)).toEqual({ path: ['scan', 'scan2', 'tell'], ms: 6010 });
    weights.accept = 9000;
    expect(criticalPath(graph, (id) => weights[id]!).path).toEqual(['scan', 'accept', 'tell']);
  });

  it('without data, is the longest chain', () => {
    expect(criticalPath(graph, () => 0).path).toEqual(['scan', 'accept', 'tell']);
  });
});

describe('suggestions', () => {
  it('parallelizes a step that reads nothing of its dependency and names another resource', () => {
    const a = analyzeRuns(graph, [run('scan', 4000)], testRegistry);
    const parallel = a.suggestions.filter((s) => s.kind === 'parallelize');
    // accept names the same source as scan: ordered on purpose. tell reads accept, not scan2.
    expect(parallel).toEqual([
      { id: 'parallelize:scan>scan2', kind: 'parallelize', stepIds: ['scan', 'scan2'], message: expect.stringContaining('saving up to 4.0 s per run'), apply: true },
      { id: 'parallelize:scan2>tell', kind: 'parallelize', stepIds: ['scan2', 'tell'], message: expect.not.stringContaining('saving'), apply: true },
    ]);
    expect(parallel[0]!.message).toMatch(/^"scan2" depends on "scan" only by order: it reads none of "scan"'s outputs/);
  });

  it("applying keeps the removed dependency's own dependencies and a valid definition", () => {
    const chain = def({
      steps: [
        { id: 'first', type: 'delay', config: { ms: 1 } },
        { id: 'a', type: 'scan.run', dependsOn: ['first'], config: { dataSourceId: DS } },
        { id: 'b', type: 'scan.run', dependsOn: ['a'], config: { dataSourceId: OTHER } },
      ],
    });
    const ids = analyzeRuns(chain, [], testRegistry).suggestions.map((s) => s.id);
    expect(ids).toEqual(['parallelize:a>b']);
    const changed = applyToDefinition(chain, 'parallelize:a>b', [])!;
    expect(changed.steps.find((s) => s.id === 'b')!.dependsOn).toEqual(['first']);
    expect(chain.steps.find((s) => s.id === 'b')!.dependsOn).toEqual(['a']); // the input is not touched
    expect(validateDefinition(changed, testRegistry).ok).toBe(true);
  });

  it('does not parallelize when a later step reads the dependency through the edge, or around a human gate', () => {
    const reader = def({
      steps: [
        { id: 'a', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'b', type: 'scan.run', dependsOn: ['a'], config: { dataSourceId: OTHER } },
        { id: 'c', type: 'notify', dependsOn: ['b'], config: { title: '{{ steps.a.runId }} {{ steps.b.runId }}' } },
        { id: 'ok', type: 'approval', dependsOn: ['c'], config: { title: 'Go?' } },
        { id: 'd', type: 'scan.run', dependsOn: ['ok'], config: { dataSourceId: OTHER } },
      ],
    });
    expect(analyzeRuns(reader, [], testRegistry).suggestions.filter((s) => s.kind === 'parallelize')).toEqual([]);
  });

  it('does not suggest dropping an edge that another dependency already implies', () => {
    const redundant = def({
      steps: [
        { id: 'a', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'mid', type: 'notify', dependsOn: ['a'], config: { title: '{{ steps.a.runId }}' } },
        { id: 'b', type: 'scan.run', dependsOn: ['a', 'mid'], config: { dataSourceId: OTHER } },
      ],
    });
    expect(analyzeRuns(redundant, [], testRegistry).suggestions.map((s) => s.id)).not.toContain('parallelize:a>b');
  });

  it('flags a flaky step only over enough runs, and suggests 3 attempts with backoff', () => {
    const one = def({ steps: [{ id: 'scan', type: 'scan.run', config: { dataSourceId: DS } }] });
    const retried = (n: number) => Array.from({ length: n }, (_, i) => run('scan', 100, { attempt: i % 3 === 0 ? 2 : 1 }));
    expect(analyzeRuns(one, retried(4), testRegistry).suggestions).toEqual([]);
    const [flaky] = analyzeRuns(one, retried(9), testRegistry).suggestions;
    expect(flaky).toEqual({ id: 'flaky:scan', kind: 'flaky', stepIds: ['scan'], message: '"scan" is flaky: 0% of its last 9 runs failed and 33% needed a retry — retry it up to 3 times with exponential backoff', apply: true });
    const changed = applyToDefinition(one, 'flaky:scan', [])!;
    expect(changed.steps[0]!.retry).toEqual({ attempts: 3, backoffMs: 5000, maxBackoffMs: 300000, jitter: 0.2 });
    // Failures count too: 1 of 6 failed is over 10%.
    const failing = [...Array.from({ length: 5 }, () => run('scan', 100)), run('scan', 100, { status: 'failed' })];
    expect(analyzeRuns(one, failing, testRegistry).suggestions.map((s) => s.id)).toEqual(['flaky:scan']);
    // Already retried 3 times: said, with nothing to apply.
    const retrying = def({ steps: [{ id: 'scan', type: 'scan.run', config: { dataSourceId: DS }, retry: { attempts: 4 } }] });
    expect(analyzeRuns(retrying, failing, testRegistry).suggestions[0]).toMatchObject({ id: 'flaky:scan', apply: false, message: expect.stringMatching(/already retries 4 times/) });
  });

  it('flags an erratic step with a timeout of twice its p95, and a dominant one on the critical path', () => {
    const two = def({
      steps: [
        { id: 'scan', type: 'scan.run', config: { dataSourceId: DS } },
        { id: 'tell', type: 'notify', dependsOn: ['scan'], config: { title: 'Done {{ steps.scan.runId }}' } },
      ],
    });
    const samples = [...[1000, 1000, 1100, 1200, 9000].map((ms) => run('scan', ms)), ...[50, 50, 50, 50, 50].map((ms) => run('tell', ms))];
    const a = analyzeRuns(two, samples, testRegistry);
    expect(a.criticalPath).toEqual(['scan', 'tell']);
    expect(a.criticalPathMs).toBe(1150);
    expect(a.suggestions).toEqual([
      {
        id: 'slow:scan',
        kind: 'slow',
        stepIds: ['scan'],
        message: '"scan" is slow: its p95 (9.0 s) is more than twice its p50 (1.1 s), and it takes 96% of the critical path (1.1 s of 1.1 s) — a timeout of 18 s (twice its p95) stops a stuck run',
        apply: true,
      },
    ]);
    expect(applyToDefinition(two, 'slow:scan', a.stats)!.steps[0]!.timeoutMs).toBe(18_000);
    // Steady but dominant: worth knowing, nothing to apply.
    const steady = analyzeRuns(two, [...[1000, 1000, 1000].map((ms) => run('scan', ms)), run('tell', 50)], testRegistry);
    expect(steady.suggestions).toEqual([{ id: 'slow:scan', kind: 'slow', stepIds: ['scan'], message: expect.stringMatching(/95% of the critical path.*where each run spends its time$/), apply: false }]);
  });

  it('never calls a human decision slow or flaky', () => {
    const gate = def({ steps: [{ id: 'ok', type: 'approval', config: { title: 'Go?' } }, { id: 'tell', type: 'notify', dependsOn: ['ok'], config: { title: 'x' } }] });
    const samples = [...[1, 1, 1, 1, 100_000].map((ms) => run('ok', ms, { status: 'failed' })), run('tell', 1)];
    expect(analyzeRuns(gate, samples, testRegistry).suggestions).toEqual([]);
  });
});
