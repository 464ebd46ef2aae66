/** The caller's latest in-app notifications (reminders, escalations, delegations), collapsed. */
export function NotificationsPanel({ notifications }: { notifications: { id: number; message: string; createdAt: string }[] }) {
  if (notifications.length === 0) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">Recent notifications ({notifications.length})</summary>
      <ul className="mt-2 space-y-1 text-slate-700">
        {notifications.map((notification) => (
          <li key={notification.id}>
            <span className="text-slate-600">{notification.createdAt.slice(0, 16).replace('T', ' ')}</span> {notification.message}
          </li>
        ))}
      </ul>
    </details>
  );
}
