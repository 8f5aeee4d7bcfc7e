import { type Random } from './random.js';
export declare const FACTORS: readonly ["sms", "email", "authenticator", "securityquestions"];
export type Factor = (typeof FACTORS)[number];
export interface User {
    uid: string;
    id: string;
    email?: string;
    username?: string;
    phone?: string;
    /** Absent for users registered by passwordless login. */
    password?: string;
    pin?: string;
    firstName?: string;
    lastName?: string;
    emailVerified: boolean;
    phoneVerified: boolean;
    enabled: Record<Factor, boolean>;
    /** The number SMS codes go to (`OTPPhoneNo`); the login phone unless set up separately. */
    mfaPhone?: string;
    /** Base32 TOTP secret: shown as `ManualEntryCode` while set-up is pending, kept once verified. */
    authenticatorSecret: string;
    /** Unused backup codes; each one works once. */
    backupCodes: Set<string>;
    /** Security questions answered (question ID -> answer), for the security-question factor. */
    securityAnswers: Map<string, string>;
    createdAt: number;
    lastLoginAt?: number;
    logins: number;
    /** The last TOTP time step accepted, so a code is never accepted twice (RFC 6238, section 5.2). */
    lastTotpStep?: number;
}
/** What a fixture or a control (`POST /__mock/users`) gives to create a user. Validated before use. */
export interface UserSpec {
    uid?: string;
    email?: string;
    username?: string;
    phone?: string;
    password?: string;
    pin?: string;
    firstName?: string;
    lastName?: string;
    factors?: Array<Factor | 'backupcodes'>;
    authenticatorSecret?: string;
    backupCodes?: string[];
    /** Question ID (of the site's catalogue) -> answer. */
    securityAnswers?: Record<string, string>;
}
/** A 20-byte (160-bit) secret in Base32, the size RFC 4226 recommends and authenticator apps expect. */
export declare function newAuthenticatorSecret(random: Random): string;
/** Ten codes shaped like LoginRadius's (`02ea0-de2bd`). */
export declare function newBackupCodes(random: Random): Set<string>;
export declare function createUser(spec: UserSpec, random: Random, now: number): User;
export declare const hasSecondFactor: (user: User) => boolean;
/** `j***@e******.com`: how LoginRadius shows where an email code went. */
export declare function maskEmail(email: string): string;
/** The profile (schema `Profile`): identity and verification state only; never the password or PIN. */
export declare function profileOf(user: User): Record<string, unknown>;
/** The MFA settings (schema `TwoFactorAuthenticationSettings`) as the user's factors stand. */
export declare function settingsOf(user: User, extra?: {
    smsSid?: string;
    emailSentTo?: string;
}): Record<string, unknown>;
