import Link from 'next/link';
import { Compass } from 'lucide-react';
import { Button, EmptyState } from '@racine/ui';

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <EmptyState
        icon={<Compass />}
        title="Page not found"
        description="The page you are looking for does not exist or has moved."
        action={
          <Button asChild>
            <Link href="/">Go to the overview</Link>
          </Button>
        }
      />
    </main>
  );
}
