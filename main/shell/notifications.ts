/** The OS's notifications, where it has them; a click runs `onClick` (the app focuses its window). */
import { Notification } from 'electron';

export function showNotification(title: string, body: string, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body });
  notification.on('click', onClick);
  notification.show();
}
