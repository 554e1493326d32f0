import { useEffect, useState } from 'react';
import type { Customer, CustomerRow } from '../../api/types';
import { Avatar, LifecycleBadge } from '../../components/Badges';
import { Dialog } from '../../components/Dialog';
import { FormError } from '../../components/FieldError';
import { count, money } from '../../format';
import { useSession } from '../../SessionContext';

interface MergeDialogProps {
  survivor: Customer;
  /** A duplicate suggestion to start from, or null to search for one. */
  initialDuplicateId: string | null;
  onClose: () => void;
  onMerged: (survivor: Customer) => void;
}

/** Search for the duplicate, preview the merged profile with the service's dry run, then confirm. */
export function MergeDialog({ survivor, initialDuplicateId, onClose, onMerged }: MergeDialogProps) {
  const { api } = useSession();
  const [search, setSearch] = useState('');
  const [matches, setMatches] = useState<CustomerRow[]>([]);
  const [duplicateId, setDuplicateId] = useState<string | null>(initialDuplicateId);
  const [preview, setPreview] = useState<Customer | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [working, setWorking] = useState(false);

  useEffect(() => {
    if (search.trim().length < 2) {
      return undefined;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api.customers(new URLSearchParams({ q: search.trim() }), null, 10, abort.signal).then(
        (page) => setMatches(page.items.filter((row) => row.id !== survivor.id)),
        () => undefined,
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [api, search, survivor.id]);

  useEffect(() => {
    if (duplicateId === null) {
      return;
    }
    setPreview(null);
    setError(null);
    api.merge(survivor.id, duplicateId, true).then((result) => setPreview(result.survivor), setError);
  }, [api, duplicateId, survivor.id]);

  const confirm = async () => {
    setWorking(true);
    setError(null);
    try {
      onMerged((await api.merge(survivor.id, duplicateId!, false)).survivor);
    } catch (failure) {
      setError(failure as Error);
      setWorking(false);
    }
  };

  return (
    <Dialog title="Merge with another customer" onClose={onClose}>
      <div className="merge" data-testid="merge">
        <p className="muted">
          The other customer is merged into {survivor.profile.name ?? 'this one'}: their identities, conversations, orders, notes and tags move here, and their id
          forwards here from then on.
        </p>
        <label className="field">
          <span>Find the duplicate</span>
          <input type="search" name="duplicateSearch" value={search} placeholder="Name, email, phone or company" onChange={(event) => setSearch(event.target.value)} autoFocus />
        </label>
        {matches.length > 0 && (
          <ul className="merge-matches">
            {matches.map((row) => (
              <li key={row.id}>
                <button type="button" className={`merge-match${row.id === duplicateId ? ' is-selected' : ''}`} onClick={() => setDuplicateId(row.id)}>
                  <Avatar url={row.avatarUrl} initials={row.initials} />
                  <span>{row.name ?? row.email ?? row.id}</span>
                  <span className="muted">{row.email}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {preview && (
          <section className="merge-preview" data-testid="merge-preview">
            <h3>After the merge</h3>
            <dl className="facts">
              <dt>Name</dt>
              <dd>{preview.profile.name ?? '—'}</dd>
              <dt>Email</dt>
              <dd>{preview.profile.email ?? '—'}</dd>
              <dt>Lifecycle</dt>
              <dd>
                <LifecycleBadge lifecycle={preview.lifecycle} />
              </dd>
              <dt>Identities</dt>
              <dd>{preview.identities.map((identity) => identity.value).join(', ') || '—'}</dd>
              <dt>Tags</dt>
              <dd>{preview.tags.join(', ') || '—'}</dd>
              <dt>Conversations</dt>
              <dd>{count(preview.conversations)}</dd>
              <dt>Lifetime value</dt>
              <dd>{money(preview.lifetimeValue)}</dd>
            </dl>
          </section>
        )}
        <FormError error={error} fields={[]} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button-danger" disabled={preview === null || working} onClick={() => void confirm()}>
            {working ? 'Merging…' : 'Confirm merge'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
