import type { UserSpec } from './users.js';
export declare const FIXTURE_PASSWORD = "Password1!";
export declare const FIXTURE_PIN = "1234";
/** The security questions this mock's site offers (LoginRadius sites configure their own); requests send the IDs. */
export declare const SITE_SECURITY_QUESTIONS: Readonly<Record<string, string>>;
export declare const FIXTURE_USERS: readonly UserSpec[];
