import type { CustomerRow } from '../api/types';
import { useToast } from '../components/Toasts';
import { useLiveEvent } from './LiveContext';

function nameOf(row: CustomerRow): string {
  return row.name ?? row.email ?? row.phone ?? 'A customer';
}

/** Toasts for the two pushes an agent should act on, wherever the agent is in the dashboard. */
export function LiveAlerts() {
  const toast = useToast();
  const link = (row: CustomerRow) => ({ href: `/customers/${encodeURIComponent(row.id)}`, label: 'Open profile' });
  useLiveEvent('needsAttention', (row) =>
    toast({ tone: 'attention', title: 'Needs attention', message: `${nameOf(row)} is at risk.`, link: link(row) }),
  );
  useLiveEvent('opportunity', (row) =>
    toast({ tone: 'opportunity', title: 'Sales opportunity', message: `${nameOf(row)} shows buying intent.`, link: link(row) }),
  );
  return null;
}
