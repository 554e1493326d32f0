import { useState, type FormEvent } from 'react';
import type { Customer, Profile } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FieldError';
import { draftOf, profileFields, ProfileFields } from '../../components/ProfileFields';
import { useSession } from '../../SessionContext';

/** Sends only the fields that changed; an emptied field is sent as "" so the service clears it. */
export function EditProfileForm({ customer, onSaved, onClose }: { customer: Customer; onSaved: (customer: Customer) => void; onClose: () => void }) {
  const { api } = useSession();
  const original = draftOf(customer.profile);
  const [draft, setDraft] = useState(original);
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch: Partial<Profile> = {};
    for (const { field } of profileFields) {
      if (draft[field].trim() !== original[field]) {
        patch[field] = draft[field].trim();
      }
    }
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await api.updateProfile(customer.id, patch));
      onClose();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title="Edit profile" onClose={onClose}>
      <form onSubmit={save} noValidate data-testid="edit-profile">
        <ProfileFields draft={draft} onChange={setDraft} error={error} />
        <FormError error={error} fields={profileFields.map(({ field }) => field)} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
