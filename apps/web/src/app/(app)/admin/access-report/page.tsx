import type { Metadata } from 'next';
import { AccessReportPage } from '~/features/access/access-report-page';

export const metadata: Metadata = { title: 'Access report' };

export default function Page() {
  return <AccessReportPage />;
}
