import { perItem } from './types';

export const ingestStage = perItem('ingest', async () => {
  throw new Error('not implemented yet');
});
