export interface Clock {
    /** Milliseconds since the epoch, as this clock sees it. */
    now(): number;
}
export declare class TenantClock implements Clock {
    private readonly base;
    private offsetMs;
    constructor(base: () => number);
    now(): number;
    advance(ms: number): void;
}
/** LoginRadius writes timestamps the .NET way, with seven fractional digits: `2021-04-06T08:36:53.3005592Z`. */
export declare function dotNetDate(ms: number): string;
/** The placeholder LoginRadius sends in `expires_in` while a second factor is pending. */
export declare const NO_DATE = "0001-01-01T00:00:00Z";
