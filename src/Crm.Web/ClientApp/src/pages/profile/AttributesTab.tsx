import { useState, type FormEvent } from 'react';
import type { AttributeKind, AttributeValue, Customer } from '../../api/types';
import { FormError } from '../../components/FieldError';
import { date } from '../../format';
import { useSession } from '../../SessionContext';

const kinds: { kind: AttributeKind; label: string }[] = [
  { kind: 'string', label: 'Text' },
  { kind: 'number', label: 'Number' },
  { kind: 'boolean', label: 'Yes / no' },
  { kind: 'date', label: 'Date' },
];

function shown(value: AttributeValue): string {
  switch (value.kind) {
    case 'string':
      return value.text ?? '';
    case 'number':
      return String(value.number ?? '');
    case 'boolean':
      return value.boolean ? 'Yes' : 'No';
    case 'date':
      return date(value.date ?? null);
  }
}

function inputText(value: AttributeValue): string {
  return value.kind === 'number' ? String(value.number ?? '') : value.kind === 'boolean' ? String(value.boolean ?? false) : ((value.kind === 'date' ? value.date : value.text) ?? '');
}

/** The typed value the API takes, or null when the text does not fit the kind. */
function valueOf(kind: AttributeKind, text: string): AttributeValue | null {
  switch (kind) {
    case 'string':
      return { kind, text };
    case 'number':
      return text.trim() !== '' && Number.isFinite(Number(text)) ? { kind, number: Number(text) } : null;
    case 'boolean':
      return { kind, boolean: text === 'true' };
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? { kind, date: text } : null;
  }
}

export function AttributesTab({ customer, onChanged }: { customer: Customer; onChanged: () => void }) {
  const { api } = useSession();
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const entries = Object.entries(customer.attributes).sort(([a], [b]) => a.localeCompare(b));

  const save = async (changes: Record<string, AttributeValue | null>) => {
    setError(null);
    try {
      await api.setAttributes(customer.id, changes);
      onChanged();
      setEditing(null);
      return true;
    } catch (failure) {
      setError(failure as Error);
      return false;
    }
  };

  return (
    <div className="attributes" data-testid="attributes">
      {entries.length === 0 ? (
        <p className="muted">No custom fields.</p>
      ) : (
        <table className="simple-table">
          <thead>
            <tr>
              <th>Field</th>
              <th>Type</th>
              <th>Value</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {entries.map(([name, value]) =>
              editing === name ? (
                <tr key={name}>
                  <td colSpan={4}>
                    <AttributeForm name={name} initial={value} onSave={(next) => save({ [name]: next })} onCancel={() => setEditing(null)} />
                  </td>
                </tr>
              ) : (
                <tr key={name} data-testid="attribute">
                  <td>{name}</td>
                  <td className="muted">{kinds.find((item) => item.kind === value.kind)?.label}</td>
                  <td>{shown(value)}</td>
                  <td className="inline-actions">
                    <button type="button" className="button button-small" onClick={() => setEditing(name)}>
                      Edit
                    </button>
                    <button type="button" className="button button-small button-danger" onClick={() => void save({ [name]: null })}>
                      Remove
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      <FormError error={error} fields={[]} />
      <h3>Add a field</h3>
      <AttributeForm name={null} initial={{ kind: 'string', text: '' }} onSave={(value, name) => save({ [name]: value })} />
    </div>
  );
}

function AttributeForm({
  name,
  initial,
  onSave,
  onCancel,
}: {
  name: string | null;
  initial: AttributeValue;
  onSave: (value: AttributeValue, name: string) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const [fieldName, setFieldName] = useState(name ?? '');
  const [kind, setKind] = useState<AttributeKind>(initial.kind);
  const [text, setText] = useState(inputText(initial));
  const [invalid, setInvalid] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = valueOf(kind, text);
    if (value === null) {
      setInvalid(kind === 'number' ? 'Enter a number.' : 'Enter a date.');
      return;
    }
    setInvalid(null);
    if ((await onSave(value, fieldName.trim())) && name === null) {
      setFieldName('');
      setText('');
    }
  };

  return (
    <form className="inline-form attribute-form" onSubmit={submit}>
      {name === null && <input name="attributeName" aria-label="Field name" placeholder="Field name" value={fieldName} onChange={(event) => setFieldName(event.target.value)} />}
      <select
        aria-label="Field type"
        value={kind}
        onChange={(event) => {
          setKind(event.target.value as AttributeKind);
          setText(event.target.value === 'boolean' ? 'false' : '');
        }}
      >
        {kinds.map((item) => (
          <option key={item.kind} value={item.kind}>
            {item.label}
          </option>
        ))}
      </select>
      {kind === 'boolean' ? (
        <select aria-label="Value" value={text} onChange={(event) => setText(event.target.value)}>
          <option value="true">Yes</option>
          <option value="false">No</option>
        </select>
      ) : (
        <input aria-label="Value" type={kind === 'number' ? 'number' : kind === 'date' ? 'date' : 'text'} step="any" value={text} onChange={(event) => setText(event.target.value)} />
      )}
      <button type="submit" className="button button-small button-primary" disabled={name === null && fieldName.trim().length === 0}>
        Save
      </button>
      {onCancel && (
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      )}
      {invalid && (
        <span className="field-error" role="alert">
          {invalid}
        </span>
      )}
    </form>
  );
}
