export interface Lifetimes {
    /** Access tokens from a completed login. */
    accessTokenSeconds: number;
    /** `SecondFactorAuthenticationToken`: how long a pending MFA login stays open. */
    secondFactorTokenSeconds: number;
    /** `SecondFactorValidationToken` from step-up. */
    validationTokenSeconds: number;
    /** SMS and email one-time codes. */
    otpSeconds: number;
    /** The verification token of a passwordless email link. */
    passwordlessLinkSeconds: number;
}
export interface Limits {
    /** Users per API key (fixtures included). */
    usersPerKey: number;
    /** Live tokens and one-time codes per API key; expired ones are swept first. */
    liveTokensPerKey: number;
    /** Outbox messages kept per API key (oldest dropped). */
    outboxPerKey: number;
    /** Journal entries kept per API key (oldest dropped). */
    journalPerKey: number;
    /** API keys with state; past it, keys idle for `idleTenantSeconds` are dropped, else new keys are refused. */
    tenants: number;
    idleTenantSeconds: number;
}
export interface AdminAccess {
    /**
     * True when the server listens on a loopback address only; then the admin API needs no token. A function is
     * asked on every admin request, for adapters that learn their address after createFlows (default: true,
     * the mock's default host being 127.0.0.1).
     */
    boundToLoopback: boolean | (() => boolean);
    /** When set, every admin request must carry it (`Authorization: Bearer …` or `X-Mock-Admin-Token`). */
    token?: string;
}
export interface FlowsOptions {
    /** The bundled spec (generated/openapi.json), for the documented error bodies. */
    spec: unknown;
    /** Makes tokens, codes and secrets repeat from run to run (per API key). */
    seed?: string;
    /** Wrong second-factor codes allowed per MFA login or step-up before the lockout error (1263). */
    maxWrongCodes?: number;
    lifetimes?: Partial<Lifetimes>;
    limits?: Partial<Limits>;
    admin?: Partial<AdminAccess>;
    /** The base clock (ms since the epoch); tests inject one. */
    now?: () => number;
}
export interface ResolvedOptions {
    seed: string | undefined;
    maxWrongCodes: number;
    lifetimes: Lifetimes;
    limits: Limits;
    admin: AdminAccess;
    now: () => number;
}
export declare const DEFAULT_LIFETIMES: Lifetimes;
export declare const DEFAULT_LIMITS: Limits;
export declare const DEFAULT_MAX_WRONG_CODES = 5;
export declare function resolveOptions(options: FlowsOptions): ResolvedOptions;
