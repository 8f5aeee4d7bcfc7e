/** The all-zero access token an MFA-required login answer carries instead of a real one. Never send it. */
export const PLACEHOLDER_ACCESS_TOKEN = '00000000-0000-0000-0000-000000000000';
/** True when `answer` needs a second factor: it carries a `SecondFactorAuthenticationToken`, flat or nested. */
export function isMfaRequired(answer) {
    const a = answer;
    return typeof (a.SecondFactorAuthenticationToken ?? a.SecondFactorAuthentication?.SecondFactorAuthenticationToken) == 'string';
}
/**
 * True when a login answer is complete: no second factor pending and a real access token (not the all-zero
 * placeholder). An answer that is neither (a placeholder token and no challenge) fails both guards.
 */
export function isLoginCompleted(answer) {
    const token = answer.access_token;
    return !isMfaRequired(answer) && typeof token == 'string' && token != PLACEHOLDER_ACCESS_TOKEN;
}
/** The token to pass as `secondfactorauthenticationtoken` to an MFA-at-login operation, from either shape. */
export function secondFactorToken(answer) {
    const a = answer;
    return isMfaRequired(answer) ? (a.SecondFactorAuthenticationToken ?? a.SecondFactorAuthentication.SecondFactorAuthenticationToken) : undefined;
}
