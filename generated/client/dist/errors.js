/**
 * Thrown (the call's promise rejects) when the client is misconfigured, always before any request is sent:
 * these are bugs to fix, not conditions to handle at run time. Everything that happens on the wire is
 * returned in `{ error }` instead. `message` is `LoginRadius <code>: <detail>`.
 */
export class LoginRadiusConfigError extends Error {
    code;
    name = 'LoginRadiusConfigError';
    constructor(code, detail) {
        super(`LoginRadius ${code}: ${detail}`);
        this.code = code;
    }
}
/** Synthetic `ErrorCode`s (all negative, so they never collide with LoginRadius's own codes). */
export const LoginRadiusErrorCode = {
    /**
     * `fetch` rejected (connection refused or reset, DNS or TLS failure, abort, timeout), the body was cut off while
     * being read, or one of your middlewares threw: `cause` holds what was thrown.
     */
    Network: -1,
    /** The response had no body where one was expected (any status but 204). */
    EmptyBody: -2,
    /** The body is not JSON (an HTML 502 page from a proxy, plain text). */
    NotJson: -3,
    /** The body claims to be JSON (`Content-Type: application/json`) but does not parse: truncated, cut off. */
    InvalidJson: -4,
    /** A JSON error body that carries no LoginRadius error code in any casing. */
    UnexpectedBody: -5,
    /** No complete answer within the call's `timeout` (only from a client made with `withResilience`, from `loginradius-mfa-client/resilience`). */
    Timeout: -6,
};
export function isLoginRadiusError(error, code) {
    const e = error;
    return typeof e?.ErrorCode == 'number' && (code == null || e.ErrorCode === code || e.kind === code);
}
