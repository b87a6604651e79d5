import type { Metadata } from 'next';
import { MyAttestationsPage } from '~/features/attestations/my-attestations-page';

export const metadata: Metadata = { title: 'My attestations' };

export default function Page() {
  return <MyAttestationsPage />;
}
