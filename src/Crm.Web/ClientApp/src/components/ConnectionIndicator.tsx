import { useConnectionStatus } from '../live/LiveContext';
import type { ConnectionStatus } from '../live/LiveConnection';

const labels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline, retrying',
};

export function ConnectionIndicator() {
  const status = useConnectionStatus();
  return (
    <span className={`connection connection-${status}`} data-testid="connection" data-status={status} role="status" title="Live updates">
      <span className="connection-dot" aria-hidden="true" />
      {labels[status]}
    </span>
  );
}
