import { Skeleton } from '@racine/ui';

export default function Loading() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96" />
      <Skeleton className="mt-4 h-64 w-full" />
    </div>
  );
}
