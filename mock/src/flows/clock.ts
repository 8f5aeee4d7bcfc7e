// Time for the flows. Every tenant (API key) reads a shared base clock plus its own offset, so a test can move
// one tenant's time forward (`POST /__mock/clock`) to expire its tokens without touching other CI jobs' tenants.

export interface Clock {
  /** Milliseconds since the epoch, as this clock sees it. */
  now(): number;
}

export class TenantClock implements Clock {
  private offsetMs = 0;
  constructor(private readonly base: () => number) {}
  now(): number {
    return this.base() + this.offsetMs;
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** LoginRadius writes timestamps the .NET way, with seven fractional digits: `2021-04-06T08:36:53.3005592Z`. */
export function dotNetDate(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, -1)}0000Z`;
}

/** The placeholder LoginRadius sends in `expires_in` while a second factor is pending. */
export const NO_DATE = '0001-01-01T00:00:00Z';
