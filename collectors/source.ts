// Client for a platform feed API: one page of records changed since a cursor.

export interface SourcePage {
  items: Record<string, unknown>[];
  next: string;
  has_more: boolean;
}

export class SourceError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export class HttpSource {
  constructor(
    readonly baseUrl: string,
    private readonly timeoutMs = 30_000,
  ) {}

  async page(path: string, since: string, limit: number): Promise<SourcePage> {
    const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    url.searchParams.set('since', since);
    url.searchParams.set('limit', String(limit));
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      throw new SourceError(`${url.origin}${url.pathname} unreachable: ${(err as Error).message}`, true);
    }
    if (!res.ok) {
      const detail = (await res.text().catch(() => '')).slice(0, 200);
      throw new SourceError(`${url.pathname} answered HTTP ${res.status} ${detail}`.trim(), res.status >= 500 || res.status === 429);
    }
    const body = (await res.json().catch(() => null)) as Partial<SourcePage> | null;
    if (!body || !Array.isArray(body.items) || typeof body.next !== 'string' || typeof body.has_more !== 'boolean') {
      throw new SourceError(`${url.pathname} answered with a body that is not a feed page`, false);
    }
    return body as SourcePage;
  }
}
