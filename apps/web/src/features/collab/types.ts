import type { RouterInputs } from '~/trpc/types';

/** Any resource people collaborate on (asset, finding, workflow, document…). */
export type ResourceType = RouterInputs['collab']['heartbeat']['resourceType'];
export interface ResourceProps {
  resourceType: ResourceType;
  resourceId: string;
}
