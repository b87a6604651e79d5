import type { Metadata } from 'next';
import { PosturePage } from '~/features/compliance/posture-page';

export const metadata: Metadata = { title: 'Compliance' };

export default function Page() {
  return <PosturePage />;
}
