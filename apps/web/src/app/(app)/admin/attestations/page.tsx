import type { Metadata } from 'next';
import { AttestationPoliciesPage } from '~/features/attestations/attestation-policies-page';

export const metadata: Metadata = { title: 'Attestations' };

export default function Page() {
  return <AttestationPoliciesPage />;
}
