/** Permission cases: pipelines (checked at the pipeline's workspace). */
import { testDeps } from '../harness';
import { sourceScene } from '../source-scene';
import { type Case, global, uuid } from './shared';

const definition = (dataSourceId: string) => ({
  // A glob no table matches: a run of this pipeline has no items and ends at once, leaving no job behind.
  source: { kind: 'dataSourceTables', dataSourceId, tableGlob: 'no_such_table_*' },
  stages: [
    { id: 'ingest', kind: 'ingest' },
    { id: 'publish', kind: 'publish', config: { tag: 'published' } },
  ],
});

/** sourceScene plus a pipeline on its source and a finished run with one dead item. */
async function pipelineScene() {
  const s = await sourceScene();
  const { deps } = await testDeps();
  const pipeline = await deps.db.pipeline.create({
    data: {
      workspaceId: s.ws.id,
      name: `Pipeline ${uuid().slice(0, 8)}`,
      definition: definition(s.source.id),
    },
  });
  const run = await deps.db.pipelineRun.create({
    data: {
      pipelineId: pipeline.id,
      workspaceId: s.ws.id,
      version: 1,
      definition: definition(s.source.id),
      status: 'failed',
      startedAt: new Date(),
      finishedAt: new Date(),
      itemsTotal: 1,
      error: '1 item dead-lettered (1 at ingest)',
    },
  });
  await deps.db.pipelineStageItem.create({
    data: {
      runId: run.id,
      stage: 'ingest',
      stageIndex: 0,
      itemKey: 'main.main.gone',
      item: {
        assetId: uuid(),
        qualifiedName: 'main.main.gone',
        schema: 'main',
        table: 'gone',
        type: 'table',
      },
      status: 'dead',
      attempts: 3,
      error: 'gone',
    },
  });
  return { ...s, pipeline, run };
}

const read = (
  input: (p: Awaited<ReturnType<typeof pipelineScene>>) => unknown,
  badInput: unknown,
): Case => ({
  setup: async () => {
    const p = await pipelineScene();
    return { input: input(p), allowed: p.viewer, denied: [p.outsider] };
  },
  badInput,
});

export const pipelineCases: Record<string, Case> = {
  'pipeline.create': {
    setup: async () => {
      const s = await sourceScene();
      return {
        input: {
          workspaceId: s.ws.id,
          name: `Pipeline ${uuid().slice(0, 8)}`,
          definition: definition(s.source.id),
        },
        allowed: s.member,
        denied: [s.viewer, s.outsider],
      };
    },
    badInput: {
      workspaceId: uuid(),
      name: 'Nightly',
      definition: { source: { kind: 'dataSourceTables', dataSourceId: uuid() }, stages: [] },
    },
  },
  'pipeline.list': { setup: global(['viewer'], []), badInput: { limit: 0 } },
  'pipeline.get': read((p) => ({ id: p.pipeline.id }), { id: 'nope' }),
  'pipeline.update': {
    setup: async () => {
      const p = await pipelineScene();
      return {
        input: { id: p.pipeline.id, description: 'Nightly refresh' },
        allowed: p.member,
        denied: [p.viewer, p.outsider],
      };
    },
    badInput: {
      id: uuid(),
      definition: {
        source: { kind: 'dataSourceTables', dataSourceId: uuid() },
        stages: [{ id: 'a', kind: 'ingest', concurrency: 99 }],
      },
    },
  },
  'pipeline.execute': {
    setup: async () => {
      const p = await pipelineScene();
      return { input: { id: p.pipeline.id }, allowed: p.member, denied: [p.viewer, p.outsider] };
    },
    badInput: { id: 42 },
  },
  'pipeline.runs': read((p) => ({ id: p.pipeline.id, limit: 10 }), { id: uuid(), limit: 1000 }),
  'pipeline.getRun': read((p) => ({ runId: p.run.id }), { runId: 'x' }),
  'pipeline.health': read((p) => ({ id: p.pipeline.id }), { id: '' }),
  'pipeline.metrics': read((p) => ({ id: p.pipeline.id, runId: p.run.id }), {
    id: uuid(),
    runId: 'latest',
  }),
  'pipeline.deadLetters': read((p) => ({ id: p.pipeline.id, limit: 10 }), {
    id: uuid(),
    limit: -1,
  }),
  'pipeline.retryDeadLetters': {
    setup: async () => {
      const p = await pipelineScene();
      return {
        input: { runId: p.run.id, stage: 'ingest' },
        allowed: p.member,
        denied: [p.viewer, p.outsider],
      };
    },
    badInput: { runId: uuid(), itemIds: [] },
  },
  'pipeline.templates': { setup: global(['viewer'], []), badInput: 'all' },
  'pipeline.watchRun': read((p) => ({ runId: p.run.id }), { runId: 'x' }),
};
