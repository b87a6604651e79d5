import { perItem } from './types';

export const complianceStage = perItem('compliance', async () => {
  throw new Error('not implemented yet');
});
