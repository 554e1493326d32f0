import { useState } from 'react';
import type { Customer } from '../../api/types';
import { useToast } from '../../components/Toasts';
import { useSession } from '../../SessionContext';

export function ProfileActions({ customer, onEdit, onMerge }: { customer: Customer; onEdit: () => void; onMerge: () => void }) {
  const { api } = useSession();
  const toast = useToast();
  const [exporting, setExporting] = useState(false);

  const exportData = async () => {
    setExporting(true);
    try {
      await api.downloadExport(customer.id);
    } catch (failure) {
      toast({ tone: 'error', title: 'Export failed', message: (failure as Error).message });
    } finally {
      setExporting(false);
    }
  };

  return (
    <div className="profile-actions">
      <button type="button" className="button button-primary" onClick={onEdit}>
        Edit profile
      </button>
      <button type="button" className="button" onClick={() => void exportData()} disabled={exporting}>
        {exporting ? 'Exporting…' : 'GDPR export'}
      </button>
      <button type="button" className="button" onClick={onMerge}>
        Merge with…
      </button>
    </div>
  );
}
