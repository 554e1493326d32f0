import { useRef, useState } from 'react';
import { intents, type Customer, type Intent } from '../../api/types';
import { FormError } from '../../components/FieldError';
import { RelativeTime } from '../../components/RelativeTime';
import { intentLabels } from '../../labels';
import { useSession } from '../../SessionContext';

/**
 * Lets an agent confirm the intent shown or correct it, with an optional note; the answer is the profile with the agent's
 * intent, which stands until the computed signal moves. Shows who corrected or confirmed it, when, and why.
 */
export function IntentCorrectionControl({ customer, onChanged }: { customer: Customer; onChanged: (customer: Customer) => void }) {
  const { api } = useSession();
  const details = useRef<HTMLDetailsElement>(null);
  const [intent, setIntent] = useState<Intent>(customer.intent.intent);
  const [note, setNote] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const correction = customer.intentCorrection ?? null;
  // The choice starts from the intent shown, and starts over whenever that changes (a push, a correction saved).
  const [shown, setShown] = useState(customer.intent.intent);
  if (shown !== customer.intent.intent) {
    setShown(customer.intent.intent);
    setIntent(customer.intent.intent);
  }

  const send = async (chosen: Intent) => {
    setSaving(true);
    setError(null);
    try {
      onChanged(await api.correctIntent(customer.id, chosen, note));
      setNote('');
      details.current?.removeAttribute('open');
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <span className="intent-correction" data-testid="intent-correction">
      <button
        type="button"
        className="button button-small"
        disabled={saving || (correction !== null && !correction.confirmed)}
        onClick={() => void send(customer.intent.intent)}
        title={correction !== null && !correction.confirmed ? 'An agent set this intent; correct it to change it' : 'The intent shown is right'}
      >
        Confirm
      </button>
      <details className="intent-correct" ref={details}>
        <summary className="button button-small">Correct…</summary>
        <form
          className="intent-correct-form card"
          onSubmit={(event) => {
            event.preventDefault();
            void send(intent);
          }}
        >
          <label>
            Intent
            <select aria-label="Corrected intent" name="intent" value={intent} onChange={(event) => setIntent(event.target.value as Intent)}>
              {intents.map((value) => (
                <option key={value} value={value}>
                  {intentLabels[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Note
            <textarea aria-label="Correction note" name="note" maxLength={500} rows={2} value={note} onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="submit" className="button button-small" disabled={saving || intent === customer.intent.intent}>
            Save
          </button>
        </form>
      </details>
      {correction && (
        <span className="muted intent-corrected-by" data-testid="intent-corrected-by">
          {correction.confirmed ? 'Confirmed' : 'Corrected'} by {correction.actor}, <RelativeTime iso={correction.at} />
          {correction.note ? `: “${correction.note}”` : ''}
        </span>
      )}
      <FormError error={error} fields={[]} />
    </span>
  );
}
