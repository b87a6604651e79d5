import { perItem } from './types';

export const classifyStage = perItem('classify', async () => {
  throw new Error('not implemented yet');
});
