// What a live page does while it is on screen: follow the browser's back/forward
// buttons (state is in the URL) and reload when new data lands (live.ts).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLiveChange } from './live.js';

export class LivePageController implements ReactiveController {
  private offLive: (() => void) | null = null;
  private readonly onPop = () => this.callbacks.urlChanged();

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: { urlChanged: () => void; dataChanged: (at: Date) => void },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPop);
    this.offLive = onLiveChange(this.callbacks.dataChanged);
    this.callbacks.dataChanged(new Date()); // first load
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPop);
    this.offLive?.();
  }
}
