// createFlows options, their defaults, and the bounds that keep state finite.

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

export const DEFAULT_LIFETIMES: Lifetimes = {
  accessTokenSeconds: 60 * 60,
  secondFactorTokenSeconds: 10 * 60,
  validationTokenSeconds: 5 * 60,
  otpSeconds: 5 * 60,
  passwordlessLinkSeconds: 15 * 60,
};

export const DEFAULT_LIMITS: Limits = {
  usersPerKey: 1000,
  liveTokensPerKey: 10_000,
  outboxPerKey: 500,
  journalPerKey: 2000,
  tenants: 1000,
  idleTenantSeconds: 60 * 60,
};

export const DEFAULT_MAX_WRONG_CODES = 5;

function positiveIntegers<T extends object>(given: Partial<T> | undefined, defaults: T, what: string): T {
  const merged = { ...defaults, ...given };
  for (const [key, value] of Object.entries(merged)) {
    if (!Number.isSafeInteger(value) || (value as number) < 1) throw new TypeError(`flows: ${what}.${key} must be a positive integer, got ${String(value)}`);
  }
  return merged;
}

export function resolveOptions(options: FlowsOptions): ResolvedOptions {
  const maxWrongCodes = options.maxWrongCodes ?? DEFAULT_MAX_WRONG_CODES;
  if (!Number.isSafeInteger(maxWrongCodes) || maxWrongCodes < 1) throw new TypeError(`flows: maxWrongCodes must be a positive integer, got ${maxWrongCodes}`);
  if (options.seed !== undefined && (typeof options.seed !== 'string' || options.seed === '')) throw new TypeError('flows: seed must be a non-empty string');
  const token = options.admin?.token;
  const loopback = options.admin?.boundToLoopback ?? true;
  if (typeof loopback !== 'boolean' && typeof loopback !== 'function') throw new TypeError('flows: admin.boundToLoopback must be a boolean or a function returning one');
  if (token !== undefined && (typeof token !== 'string' || token.length < 16)) throw new TypeError('flows: admin.token must be a string of at least 16 characters');
  return {
    seed: options.seed,
    maxWrongCodes,
    lifetimes: positiveIntegers(options.lifetimes, DEFAULT_LIFETIMES, 'lifetimes'),
    limits: positiveIntegers(options.limits, DEFAULT_LIMITS, 'limits'),
    admin: { boundToLoopback: loopback, ...(token ? { token } : {}) },
    now: options.now ?? Date.now,
  };
}
