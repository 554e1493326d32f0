import { channels, lifecycles, type Segment } from '../../api/types';
import { CommitInput } from '../../components/CommitInput';
import { channelLabels, lifecycleLabels } from '../../labels';
import { withParameter, type ListParameter } from './listQuery';

interface FilterPanelProps {
  query: URLSearchParams;
  segments: Segment[] | null;
  onChange: (query: URLSearchParams) => void;
}

function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

export function FilterPanel({ query, segments, onChange }: FilterPanelProps) {
  const set = (name: ListParameter, values: string | string[] | null) => onChange(withParameter(query, name, values));
  const selectedLifecycles = query.getAll('lifecycle');
  const toggleLifecycle = (stage: string) =>
    set('lifecycle', selectedLifecycles.includes(stage) ? selectedLifecycles.filter((value) => value !== stage) : [...selectedLifecycles, stage]);
  const number = (name: ListParameter, label: string, step = '1') => (
    <label className="field field-compact">
      <span>{label}</span>
      <CommitInput type="number" min="0" step={step} inputMode="decimal" name={name} value={query.get(name) ?? ''} onCommit={(value) => set(name, value)} />
    </label>
  );

  return (
    <section className="filter-panel" aria-label="Filters" data-testid="filter-panel">
      <fieldset className="filter-group">
        <legend>Lifecycle stage</legend>
        <div className="chip-options">
          {lifecycles.map((stage) => (
            <label key={stage} className="chip-option">
              <input type="checkbox" name="lifecycle" value={stage} checked={selectedLifecycles.includes(stage)} onChange={() => toggleLifecycle(stage)} />
              {lifecycleLabels[stage]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset className="filter-group">
        <legend>Tags</legend>
        <CommitInput
          type="text"
          name="tag"
          placeholder="vip, wholesale"
          aria-label="Tags, separated by commas"
          value={query.getAll('tag').join(', ')}
          onCommit={(value) => set('tag', splitTags(value))}
        />
        <select name="tagMode" aria-label="Match tags" value={query.get('tagMode') ?? 'any'} onChange={(event) => set('tagMode', event.target.value === 'any' ? null : event.target.value)}>
          <option value="any">Any of these tags</option>
          <option value="all">All of these tags</option>
        </select>
      </fieldset>
      <fieldset className="filter-group">
        <legend>Segment</legend>
        {segments === null ? (
          <CommitInput type="text" name="segment" placeholder="Segment id" aria-label="Segment id" value={query.get('segment') ?? ''} onCommit={(value) => set('segment', value)} />
        ) : (
          <select name="segment" aria-label="Segment" value={query.get('segment') ?? ''} onChange={(event) => set('segment', event.target.value)}>
            <option value="">Any segment</option>
            {segments.map((segment) => (
              <option key={segment.id} value={segment.id}>
                {segment.name}
              </option>
            ))}
          </select>
        )}
      </fieldset>
      <fieldset className="filter-group">
        <legend>Channel</legend>
        <select name="channel" aria-label="Channel" value={query.get('channel') ?? ''} onChange={(event) => set('channel', event.target.value)}>
          <option value="">Any channel</option>
          {channels.map((channel) => (
            <option key={channel} value={channel}>
              {channelLabels[channel]}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset className="filter-group filter-range">
        <legend>Lifetime value</legend>
        {number('ltvMin', 'From', '0.01')}
        {number('ltvMax', 'To', '0.01')}
      </fieldset>
      <fieldset className="filter-group filter-range">
        <legend>Conversations</legend>
        {number('conversationsMin', 'At least')}
        {number('conversationsMax', 'At most')}
      </fieldset>
      <fieldset className="filter-group filter-range">
        <legend>Orders</legend>
        {number('ordersMin', 'At least')}
      </fieldset>
      <fieldset className="filter-group filter-range">
        <legend>Created</legend>
        <label className="field field-compact">
          <span>After</span>
          <input type="date" name="createdAfter" value={query.get('createdAfter') ?? ''} onChange={(event) => set('createdAfter', event.target.value)} />
        </label>
        <label className="field field-compact">
          <span>Before</span>
          <input type="date" name="createdBefore" value={query.get('createdBefore') ?? ''} onChange={(event) => set('createdBefore', event.target.value)} />
        </label>
      </fieldset>
    </section>
  );
}
