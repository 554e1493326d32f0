import type { Intent, Lifecycle } from '../api/types';
import { intentLabels, lifecycleLabels } from '../labels';

export function LifecycleBadge({ lifecycle }: { lifecycle: Lifecycle }) {
  return (
    <span className={`badge lifecycle-${lifecycle}`} data-lifecycle={lifecycle}>
      {lifecycleLabels[lifecycle]}
    </span>
  );
}

/** Green for an opportunity, blue for support, grey for general, a red outline for no engagement. */
export function IntentPill({ intent }: { intent: Intent }) {
  return (
    <span className={`pill intent-${intent}`} data-intent={intent}>
      {intentLabels[intent]}
    </span>
  );
}

export function TagBadge({ tag, onRemove }: { tag: string; onRemove?: () => void }) {
  return (
    <span className="tag" data-tag={tag}>
      {tag}
      {onRemove && (
        <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={onRemove}>
          ×
        </button>
      )}
    </span>
  );
}

export function Avatar({ url, initials, size = 'small' }: { url: string | null; initials: string; size?: 'small' | 'large' }) {
  return url ? (
    <img className={`avatar avatar-${size}`} src={url} alt="" loading="lazy" referrerPolicy="no-referrer" />
  ) : (
    <span className={`avatar avatar-${size}`} aria-hidden="true">
      {initials}
    </span>
  );
}
