import { useState, type FormEvent } from 'react';
import type { Customer } from '../../api/types';
import { TagBadge } from '../../components/Badges';
import { FieldError, FormError } from '../../components/FieldError';
import { useSession } from '../../SessionContext';

export function TagEditor({ customer, onChanged }: { customer: Customer; onChanged: (customer: Customer) => void }) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);

  const run = async (change: () => Promise<Customer>) => {
    setError(null);
    try {
      onChanged(await change());
      return true;
    } catch (failure) {
      setError(failure as Error);
      return false;
    }
  };

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const tags = text
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag.length > 0);
    if (tags.length > 0 && (await run(() => api.addTags(customer.id, tags)))) {
      setText('');
    }
  };

  return (
    <div className="tag-editor" data-testid="profile-tags">
      {customer.tags.map((tag) => (
        <TagBadge key={tag} tag={tag} onRemove={() => void run(() => api.removeTag(customer.id, tag))} />
      ))}
      <form onSubmit={add} className="inline-form">
        <input name="newTag" type="text" placeholder="Add tags" aria-label="Add tags, separated by commas" value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button button-small" disabled={text.trim().length === 0}>
          Add
        </button>
      </form>
      <FieldError error={error} field="tags" />
      <FormError error={error} fields={['tags']} />
    </div>
  );
}
