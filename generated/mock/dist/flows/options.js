// createFlows options, their defaults, and the bounds that keep state finite.
export const DEFAULT_LIFETIMES = {
    accessTokenSeconds: 60 * 60,
    secondFactorTokenSeconds: 10 * 60,
    validationTokenSeconds: 5 * 60,
    otpSeconds: 5 * 60,
    passwordlessLinkSeconds: 15 * 60,
};
export const DEFAULT_LIMITS = {
    usersPerKey: 1000,
    liveTokensPerKey: 10_000,
    outboxPerKey: 500,
    journalPerKey: 2000,
    tenants: 1000,
    idleTenantSeconds: 60 * 60,
};
export const DEFAULT_MAX_WRONG_CODES = 5;
function positiveIntegers(given, defaults, what) {
    const merged = { ...defaults, ...given };
    for (const [key, value] of Object.entries(merged)) {
        if (!Number.isSafeInteger(value) || value < 1)
            throw new TypeError(`flows: ${what}.${key} must be a positive integer, got ${String(value)}`);
    }
    return merged;
}
export function resolveOptions(options) {
    const maxWrongCodes = options.maxWrongCodes ?? DEFAULT_MAX_WRONG_CODES;
    if (!Number.isSafeInteger(maxWrongCodes) || maxWrongCodes < 1)
        throw new TypeError(`flows: maxWrongCodes must be a positive integer, got ${maxWrongCodes}`);
    if (options.seed !== undefined && (typeof options.seed !== 'string' || options.seed === ''))
        throw new TypeError('flows: seed must be a non-empty string');
    const token = options.admin?.token;
    const loopback = options.admin?.boundToLoopback ?? true;
    if (typeof loopback !== 'boolean' && typeof loopback !== 'function')
        throw new TypeError('flows: admin.boundToLoopback must be a boolean or a function returning one');
    if (token !== undefined && (typeof token !== 'string' || token.length < 16))
        throw new TypeError('flows: admin.token must be a string of at least 16 characters');
    return {
        seed: options.seed,
        maxWrongCodes,
        lifetimes: positiveIntegers(options.lifetimes, DEFAULT_LIFETIMES, 'lifetimes'),
        limits: positiveIntegers(options.limits, DEFAULT_LIMITS, 'limits'),
        admin: { boundToLoopback: loopback, ...(token ? { token } : {}) },
        now: options.now ?? Date.now,
    };
}
