import type { UserSpec } from './users.js';
export declare const FIXTURE_PASSWORD = "Password1!";
export declare const FIXTURE_PIN = "1234";
export declare const FIXTURE_USERS: readonly UserSpec[];
