import { perItem } from './types';

export const qualityStage = perItem('quality', async () => {
  throw new Error('not implemented yet');
});
