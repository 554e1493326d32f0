import { useState, type FormEvent } from 'react';
import type { Customer, Note } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { FieldError, FormError } from '../../components/FieldError';
import { RelativeTime } from '../../components/RelativeTime';
import { useSession } from '../../SessionContext';

export function NotesTab({ customer, onChanged }: { customer: Customer; onChanged: () => void }) {
  const { api } = useSession();
  const [text, setText] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saving, setSaving] = useState(false);
  const notes = [...customer.notes].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  const add = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await api.addNote(customer.id, text);
      setText('');
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="notes" data-testid="notes">
      <form onSubmit={add} className="note-form">
        <label className="field">
          <span>New note</span>
          <textarea name="note" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          <FieldError error={error} field="text" />
        </label>
        <FormError error={error} fields={['text']} />
        <button type="submit" className="button button-primary" disabled={saving || text.trim().length === 0}>
          Add note
        </button>
      </form>
      {notes.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ul className="note-list">
          {notes.map((note) => (
            <NoteItem key={note.id} customerId={customer.id} note={note} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </div>
  );
}

function NoteItem({ customerId, note, onChanged }: { customerId: string; note: Note; onChanged: () => void }) {
  const { api } = useSession();
  const [editing, setEditing] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [text, setText] = useState(note.text);
  const [error, setError] = useState<Error | null>(null);

  const run = async (change: () => Promise<unknown>) => {
    setError(null);
    try {
      await change();
      setEditing(false);
      setConfirmingDelete(false);
      onChanged();
    } catch (failure) {
      setError(failure as Error);
    }
  };

  return (
    <li className="note" data-testid="note">
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => api.editNote(customerId, note.id, text));
          }}
        >
          <textarea name="noteText" aria-label="Note text" rows={3} value={text} onChange={(event) => setText(event.target.value)} />
          <FieldError error={error} field="text" />
          <div className="inline-actions">
            <button type="submit" className="button button-small button-primary">
              Save
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="note-text">{note.text}</p>
          <p className="muted note-meta">
            {note.author} · <RelativeTime iso={note.at} />
            {note.editedAt && ' · edited'}
          </p>
          <div className="inline-actions">
            <button type="button" className="button button-small" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => setConfirmingDelete(true)}>
              Delete
            </button>
          </div>
        </>
      )}
      <FormError error={error} fields={['text']} />
      {confirmingDelete && (
        <Dialog title="Delete note" onClose={() => setConfirmingDelete(false)}>
          <p className="confirm-question">Delete this note? This cannot be undone.</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
            <button type="button" className="button button-danger" onClick={() => void run(() => api.deleteNote(customerId, note.id))}>
              Delete
            </button>
          </div>
        </Dialog>
      )}
    </li>
  );
}
