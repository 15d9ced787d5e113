// The live-update channel: one EventSource on /api/events for the whole dashboard.
// Pages subscribe with onLiveChange and reload when a collector run or an alert
// evaluation lands; the EventSource reconnects by itself after a server restart, and a
// reconnect also counts as a change (events may have been missed meanwhile).
export type LiveStatus = 'connecting' | 'open' | 'lost';

type ChangeListener = (at: Date) => void;
type StatusListener = (status: LiveStatus) => void;

const changeListeners = new Set<ChangeListener>();
const statusListeners = new Set<StatusListener>();
let source: EventSource | null = null;
let status: LiveStatus = 'connecting';
let wasLost = false;
let debounce: ReturnType<typeof setTimeout> | null = null;

function setStatus(next: LiveStatus): void {
  status = next;
  for (const l of statusListeners) l(next);
}

// A collector run refreshes several times in quick succession; reload once per burst.
function changed(at: Date): void {
  if (debounce) clearTimeout(debounce);
  debounce = setTimeout(() => {
    for (const l of changeListeners) l(at);
  }, 150);
}

function connect(): void {
  if (source) return;
  source = new EventSource('/api/events');
  source.addEventListener('open', () => {
    setStatus('open');
    if (wasLost) changed(new Date());
    wasLost = false;
  });
  source.addEventListener('error', () => {
    wasLost = true;
    setStatus('lost');
  });
  for (const name of ['data-changed', 'alerts-changed']) {
    source.addEventListener(name, (e) => changed(new Date(JSON.parse((e as MessageEvent).data).at)));
  }
}

export function onLiveChange(listener: ChangeListener): () => void {
  connect();
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

export function onLiveStatus(listener: StatusListener): () => void {
  connect();
  statusListeners.add(listener);
  listener(status);
  return () => statusListeners.delete(listener);
}
