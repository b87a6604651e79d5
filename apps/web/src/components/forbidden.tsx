import Link from 'next/link';
import { Lock } from 'lucide-react';
import { Button, EmptyState, PageHeader } from '@racine/ui';

export function Forbidden({ what }: { what: string }) {
  return (
    <>
      <PageHeader title="Not allowed" />
      <EmptyState
        icon={<Lock />}
        title={`${what} is for admins only`}
        description="Ask a Racine admin if you need this."
        action={
          <Button asChild variant="outline">
            <Link href="/">Back to overview</Link>
          </Button>
        }
      />
    </>
  );
}
