import { useState } from 'react';
import { ApiError } from '../../api/ApiError';
import type { Customer } from '../../api/types';
import { Avatar, LifecycleBadge } from '../../components/Badges';
import { Link, navigate, useLocation } from '../../router';
import { AttributesTab } from './AttributesTab';
import { ConversationsTab } from './ConversationsTab';
import { EditProfileForm } from './EditProfileForm';
import { IntentCorrectionControl } from './IntentCorrectionControl';
import { IntentWhy } from './IntentWhy';
import { MergeDialog } from './MergeDialog';
import { NotesTab } from './NotesTab';
import { OverviewTab } from './OverviewTab';
import { ProfileActions } from './ProfileActions';
import { SegmentsTab } from './SegmentsTab';
import { TagEditor } from './TagEditor';
import { TimelineTab } from './TimelineTab';
import { useCustomer } from './useCustomer';

const tabs = [
  { id: 'overview', label: 'Overview' },
  { id: 'conversations', label: 'Conversations' },
  { id: 'timeline', label: 'Timeline' },
  { id: 'notes', label: 'Notes' },
  { id: 'segments', label: 'Segments' },
  { id: 'fields', label: 'Custom fields' },
] as const;

type TabId = (typeof tabs)[number]['id'];

function initialsOf(customer: Customer): string {
  const words = (customer.profile.name ?? '').split(/\s+/).filter((word) => /^\p{L}/u.test(word));
  if (words.length > 0) {
    return [words[0]!, ...(words.length > 1 ? [words[words.length - 1]!] : [])].map((word) => word[0]!.toUpperCase()).join('');
  }
  return customer.profile.email?.[0]?.toUpperCase() ?? '?';
}

export function ProfilePage({ id }: { id: string }) {
  const loaded = useCustomer(id);
  const { search } = useLocation();
  const [editing, setEditing] = useState(false);
  const [mergeWith, setMergeWith] = useState<string | null | undefined>(undefined);
  const tab: TabId = tabs.some((item) => item.id === search.get('tab')) ? (search.get('tab') as TabId) : 'overview';
  const { customer, error } = loaded;

  if (customer === null) {
    return (
      <div className="profile-page">
        <Link href="/">← Customers</Link>
        <p className={error ? 'form-error' : 'muted'} role={error ? 'alert' : undefined}>
          {error ? (error instanceof ApiError && error.status === 404 ? 'This customer does not exist or was erased.' : error.message) : 'Loading…'}
        </p>
      </div>
    );
  }

  const { profile } = customer;
  return (
    <div className="profile-page" data-testid="profile">
      <Link href="/">← Customers</Link>
      <header className="profile-header card">
        <Avatar url={profile.avatarUrl} initials={initialsOf(customer)} size="large" />
        <div className="profile-title">
          <h1 data-testid="profile-name">{profile.name ?? profile.email ?? profile.phone ?? 'Unnamed customer'}</h1>
          <p className="muted">{[profile.email, profile.company].filter(Boolean).join(' · ')}</p>
          <div className="profile-badges">
            <LifecycleBadge lifecycle={customer.lifecycle} />
            <IntentWhy customer={customer} />
            <IntentCorrectionControl customer={customer} onChanged={loaded.update} />
          </div>
          <TagEditor customer={customer} onChanged={loaded.update} />
        </div>
        <ProfileActions customer={customer} onEdit={() => setEditing(true)} onMerge={() => setMergeWith(null)} />
      </header>
      {editing && <EditProfileForm customer={customer} onSaved={loaded.update} onClose={() => setEditing(false)} />}
      {mergeWith !== undefined && (
        <MergeDialog
          survivor={customer}
          initialDuplicateId={mergeWith}
          onClose={() => setMergeWith(undefined)}
          onMerged={(merged) => {
            setMergeWith(undefined);
            loaded.update(merged);
          }}
        />
      )}
      <nav className="tabs" role="tablist" aria-label="Profile sections">
        {tabs.map((item) => (
          <button
            key={item.id}
            type="button"
            role="tab"
            aria-selected={tab === item.id}
            className="tab"
            onClick={() => {
              const next = new URLSearchParams(search);
              next.set('tab', item.id);
              navigate(`/customers/${encodeURIComponent(customer.id)}?${next}`, { replace: true });
            }}
          >
            {item.label}
          </button>
        ))}
      </nav>
      <section className="tab-panel card" role="tabpanel" aria-label={tabs.find((item) => item.id === tab)!.label} data-testid={`tab-${tab}`}>
        {tab === 'overview' && <OverviewTab customer={customer} onChanged={loaded.update} onReviewDuplicate={setMergeWith} />}
        {tab === 'conversations' && <ConversationsTab customer={customer} />}
        {tab === 'timeline' && <TimelineTab customerId={customer.id} />}
        {tab === 'notes' && <NotesTab customer={customer} onChanged={loaded.reload} />}
        {tab === 'segments' && <SegmentsTab customer={customer} onChanged={loaded.update} />}
        {tab === 'fields' && <AttributesTab customer={customer} onChanged={loaded.reload} />}
      </section>
    </div>
  );
}
