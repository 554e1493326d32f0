import { useState, type FormEvent } from 'react';
import type { Profile } from '../../api/types';
import { FieldError, FormError } from '../../components/FieldError';
import { draftOf, profileFields, ProfileFields } from '../../components/ProfileFields';
import { navigate } from '../../router';
import { useSession } from '../../SessionContext';

const fields = profileFields.map(({ field }) => field).filter((field) => field !== 'avatarUrl');

/** A contact entered by hand; what the service refuses is shown beside the field it names. */
export function NewCustomerPage() {
  const { api } = useSession();
  const [draft, setDraft] = useState(draftOf(null));
  const [tags, setTags] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const profile: Partial<Profile> = {};
    for (const field of fields) {
      if (draft[field].trim().length > 0) {
        profile[field] = draft[field].trim();
      }
    }
    setSaving(true);
    setError(null);
    try {
      const created = await api.createCustomer(
        profile,
        tags
          .split(',')
          .map((tag) => tag.trim())
          .filter((tag) => tag.length > 0),
      );
      navigate(`/customers/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(failure as Error);
      setSaving(false);
    }
  };

  return (
    <div className="new-customer-page">
      <h1>New customer</h1>
      <form className="card" onSubmit={create} noValidate data-testid="new-customer">
        <ProfileFields draft={draft} onChange={setDraft} error={error} only={fields} />
        <label className="field">
          <span>Tags</span>
          <input name="tags" type="text" placeholder="vip, wholesale" value={tags} onChange={(event) => setTags(event.target.value)} />
          <FieldError error={error} field="tags" />
        </label>
        <FormError error={error} fields={[...fields, 'tags']} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Creating…' : 'Create customer'}
          </button>
        </div>
      </form>
    </div>
  );
}
