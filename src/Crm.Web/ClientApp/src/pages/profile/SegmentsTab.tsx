import { useState, type FormEvent } from 'react';
import type { Customer } from '../../api/types';
import { FieldError, FormError } from '../../components/FieldError';
import { useSession } from '../../SessionContext';
import { useSegments } from '../../useSegments';

export function SegmentsTab({ customer, onChanged }: { customer: Customer; onChanged: (customer: Customer) => void }) {
  const { api } = useSession();
  const segments = useSegments(api);
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const nameOf = (id: string) => segments?.find((segment) => segment.id === id)?.name ?? id;
  const kindOf = (id: string) => segments?.find((segment) => segment.id === id)?.kind;
  const assignable = segments?.filter((segment) => segment.kind === 'static' && !customer.segments.includes(segment.id)) ?? null;

  const run = async (change: () => Promise<Customer>) => {
    setError(null);
    try {
      onChanged(await change());
      setChoice('');
    } catch (failure) {
      setError(failure as Error);
    }
  };

  const assign = (event: FormEvent) => {
    event.preventDefault();
    if (choice.trim().length > 0) {
      void run(() => api.addToSegment(customer.id, choice.trim()));
    }
  };

  return (
    <div className="segments" data-testid="segments">
      {customer.segments.length === 0 ? (
        <p className="muted">In no segment.</p>
      ) : (
        <ul className="segment-list">
          {customer.segments.map((id) => (
            <li key={id} className="segment-item">
              <span>{nameOf(id)}</span>
              {kindOf(id) === 'rule' ? (
                <span className="muted">by rule</span>
              ) : (
                <button type="button" className="button button-small" onClick={() => void run(() => api.removeFromSegment(customer.id, id))}>
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={assign} className="inline-form">
        {assignable === null ? (
          <input name="segmentId" type="text" placeholder="Segment id" aria-label="Segment id" value={choice} onChange={(event) => setChoice(event.target.value)} />
        ) : (
          <select name="segmentId" aria-label="Segment" value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value="">Choose a segment</option>
            {assignable.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </select>
        )}
        <button type="submit" className="button button-small" disabled={choice.trim().length === 0}>
          Assign
        </button>
      </form>
      <FieldError error={error} field="segmentId" />
      <FormError error={error} fields={['segmentId']} />
    </div>
  );
}
