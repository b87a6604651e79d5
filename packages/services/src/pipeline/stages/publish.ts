import { perItem } from './types';

export const publishStage = perItem('publish', async () => {
  throw new Error('not implemented yet');
});
