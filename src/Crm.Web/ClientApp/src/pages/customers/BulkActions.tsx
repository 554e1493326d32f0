import { useState, type FormEvent } from 'react';
import { maxIdsPerRequest, type BulkAction, type BulkOutcome } from '../../api/bulk';
import { lifecycles, type Lifecycle, type Segment } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { count, plural } from '../../format';
import { lifecycleLabels } from '../../labels';
import { useSession } from '../../SessionContext';

type Choice = BulkAction | 'export_csv';

const choices: { choice: Choice; label: string }[] = [
  { choice: 'set_lifecycle', label: 'Update lifecycle' },
  { choice: 'add_tags', label: 'Add tags' },
  { choice: 'remove_tags', label: 'Remove tags' },
  { choice: 'assign_segment', label: 'Assign segment' },
  { choice: 'remove_segment', label: 'Remove segment' },
  { choice: 'export_csv', label: 'Export CSV' },
];

interface BulkBarProps {
  selectedIds: string[];
  segments: Segment[] | null;
  onClear: () => void;
  /** Called once an action changed customers, with their ids. */
  onChanged: (ids: string[]) => void;
}

/** The bar at the bottom of the list while customers are selected; every action asks for confirmation first. */
export function BulkBar({ selectedIds, segments, onClear, onChanged }: BulkBarProps) {
  const [open, setOpen] = useState<Choice | null>(null);
  const label = choices.find(({ choice }) => choice === open)?.label ?? '';
  return (
    <>
      <div className="bulk-bar" role="toolbar" aria-label="Bulk actions" data-testid="bulk-bar">
        <strong>{count(selectedIds.length)} selected</strong>
        {choices.map(({ choice, label: text }) => (
          <button key={choice} type="button" className="button" onClick={() => setOpen(choice)}>
            {text}
          </button>
        ))}
        <button type="button" className="button button-quiet" onClick={onClear}>
          Clear selection
        </button>
      </div>
      {open && (
        <Dialog title={label} onClose={() => setOpen(null)}>
          {open === 'export_csv' ? (
            <ExportForm ids={selectedIds} onClose={() => setOpen(null)} />
          ) : (
            <BulkForm action={open} ids={selectedIds} segments={segments} onClose={() => setOpen(null)} onChanged={onChanged} />
          )}
        </Dialog>
      )}
    </>
  );
}

function customers(amount: number): string {
  return plural(amount, 'customer');
}

function BulkForm({
  action,
  ids,
  segments,
  onClose,
  onChanged,
}: {
  action: BulkAction;
  ids: string[];
  segments: Segment[] | null;
  onClose: () => void;
  onChanged: (ids: string[]) => void;
}) {
  const { api } = useSession();
  const [lifecycle, setLifecycle] = useState<Lifecycle>('customer');
  const [tagText, setTagText] = useState('');
  const [segmentId, setSegmentId] = useState(segments?.find((segment) => segment.kind === 'static')?.id ?? '');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);

  const tags = tagText
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
  const argument =
    action === 'set_lifecycle' ? { lifecycle } : action === 'add_tags' || action === 'remove_tags' ? { tags } : { segmentId: segmentId.trim() };
  const ready = action === 'add_tags' || action === 'remove_tags' ? tags.length > 0 : action === 'set_lifecycle' || segmentId.trim().length > 0;
  const question = {
    set_lifecycle: `Set the lifecycle of ${customers(ids.length)} to ${lifecycleLabels[lifecycle]}?`,
    add_tags: `Add ${tags.length > 0 ? tags.join(', ') : 'these tags'} to ${customers(ids.length)}?`,
    remove_tags: `Remove ${tags.length > 0 ? tags.join(', ') : 'these tags'} from ${customers(ids.length)}?`,
    assign_segment: `Add ${customers(ids.length)} to this segment?`,
    remove_segment: `Remove ${customers(ids.length)} from this segment?`,
  }[action];

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setError(null);
    try {
      const result = await api.bulk(action, ids, argument);
      setOutcome(result);
      onChanged(ids);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRunning(false);
    }
  };

  if (outcome !== null) {
    return (
      <div className="bulk-outcome" data-testid="bulk-outcome">
        <p>
          <strong data-testid="bulk-succeeded">{count(outcome.succeeded)} succeeded</strong>, <strong data-testid="bulk-failed">{count(outcome.failed)} failed</strong>.
        </p>
        {outcome.failures.length > 0 && (
          <ul className="bulk-failures">
            {outcome.failures.slice(0, 20).map((failure) => (
              <li key={failure.id}>
                <code>{failure.id}</code>: {failure.error ?? failure.outcome.replace('_', ' ')}
              </li>
            ))}
          </ul>
        )}
        <div className="dialog-actions">
          <button type="button" className="button button-primary" onClick={onClose} autoFocus>
            Done
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} className="bulk-form">
      {action === 'set_lifecycle' && (
        <label className="field">
          <span>Lifecycle stage</span>
          <select name="lifecycle" value={lifecycle} onChange={(event) => setLifecycle(event.target.value as Lifecycle)}>
            {lifecycles.map((stage) => (
              <option key={stage} value={stage}>
                {lifecycleLabels[stage]}
              </option>
            ))}
          </select>
        </label>
      )}
      {(action === 'add_tags' || action === 'remove_tags') && (
        <label className="field">
          <span>Tags, separated by commas</span>
          <input name="tags" type="text" value={tagText} onChange={(event) => setTagText(event.target.value)} autoFocus />
        </label>
      )}
      {(action === 'assign_segment' || action === 'remove_segment') && (
        <label className="field">
          <span>Segment</span>
          {segments === null ? (
            <input name="segmentId" type="text" placeholder="Segment id" value={segmentId} onChange={(event) => setSegmentId(event.target.value)} />
          ) : (
            <select name="segmentId" value={segmentId} onChange={(event) => setSegmentId(event.target.value)}>
              {segments
                .filter((segment) => segment.kind === 'static')
                .map((segment) => (
                  <option key={segment.id} value={segment.id}>
                    {segment.name}
                  </option>
                ))}
            </select>
          )}
        </label>
      )}
      <p className="confirm-question" data-testid="confirm-question">
        {question}
      </p>
      {ids.length > maxIdsPerRequest && <p className="muted">Sent in requests of {count(maxIdsPerRequest)} customers each.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={!ready || running}>
          {running ? 'Working…' : 'Confirm'}
        </button>
      </div>
    </form>
  );
}

function ExportForm({ ids, onClose }: { ids: string[]; onClose: () => void }) {
  const { api } = useSession();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tooMany = ids.length > maxIdsPerRequest;

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setError(null);
    try {
      await api.downloadCsv(ids);
      setOutcome(`${customers(ids.length)} exported.`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRunning(false);
    }
  };

  return (
    <form onSubmit={confirm}>
      <p className="confirm-question">
        {tooMany
          ? `A CSV export names at most ${count(maxIdsPerRequest)} customers; select fewer than ${customers(ids.length)}.`
          : `Download ${customers(ids.length)} as a CSV file?`}
      </p>
      {outcome && <p data-testid="bulk-outcome">{outcome}</p>}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onClose}>
          {outcome ? 'Done' : 'Cancel'}
        </button>
        {!outcome && (
          <button type="submit" className="button button-primary" disabled={tooMany || running}>
            {running ? 'Exporting…' : 'Confirm'}
          </button>
        )}
      </div>
    </form>
  );
}
