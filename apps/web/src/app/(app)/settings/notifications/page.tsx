import type { Metadata } from 'next';
import { NotificationSettingsPage } from '~/features/notifications/notification-settings-page';

export const metadata: Metadata = { title: 'Notification settings' };

export default function Page() {
  return <NotificationSettingsPage />;
}
