// Users of a tenant: what a LoginRadius account holds for these journeys (identifiers, password, PIN, enabled
// second factors, the authenticator secret, backup codes), and the response shapes built from it.
import { ScureBase32Plugin } from 'otplib';
import { dotNetDate } from './clock.js';
import { SITE_SECURITY_QUESTIONS } from './fixtures.js';
import { hex, type Random } from './random.js';

export const FACTORS = ['sms', 'email', 'authenticator', 'securityquestions'] as const;
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

const base32 = new ScureBase32Plugin();

/** A 20-byte (160-bit) secret in Base32, the size RFC 4226 recommends and authenticator apps expect. */
export function newAuthenticatorSecret(random: Random): string {
  return base32.encode(random.bytes(20), { padding: false });
}

/** Ten codes shaped like LoginRadius's (`02ea0-de2bd`). */
export function newBackupCodes(random: Random): Set<string> {
  const codes = new Set<string>();
  while (codes.size < 10) {
    const h = hex(random, 5);
    codes.add(`${h.slice(0, 5)}-${h.slice(5)}`);
  }
  return codes;
}

export function createUser(spec: UserSpec, random: Random, now: number): User {
  const factors = new Set(spec.factors ?? []);
  const user: User = {
    uid: spec.uid ?? hex(random, 16),
    id: hex(random, 16),
    emailVerified: spec.email !== undefined,
    phoneVerified: spec.phone !== undefined,
    enabled: { sms: factors.has('sms'), email: factors.has('email'), authenticator: factors.has('authenticator'), securityquestions: factors.has('securityquestions') },
    authenticatorSecret: spec.authenticatorSecret ?? newAuthenticatorSecret(random),
    backupCodes: new Set(spec.backupCodes ?? (factors.has('backupcodes') ? newBackupCodes(random) : [])),
    securityAnswers: new Map(Object.entries(spec.securityAnswers ?? {})),
    createdAt: now,
    logins: 0,
  };
  for (const key of ['email', 'username', 'phone', 'password', 'pin', 'firstName', 'lastName'] as const) {
    if (spec[key] !== undefined) user[key] = spec[key];
  }
  if (user.enabled.sms) user.mfaPhone = spec.phone;
  return user;
}

export const hasSecondFactor = (user: User): boolean => FACTORS.some((factor) => user.enabled[factor]);

/** `j***@e******.com`: how LoginRadius shows where an email code went. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  const mask = (part: string) => (part.length <= 1 ? part : `${part[0]}${'*'.repeat(part.length - 1)}`);
  const dot = domain.lastIndexOf('.');
  return dot > 0 ? `${mask(local)}@${mask(domain.slice(0, dot))}${domain.slice(dot)}` : `${mask(local)}@${mask(domain)}`;
}

/** The profile (schema `Profile`): identity and verification state only; never the password or PIN. */
export function profileOf(user: User): Record<string, unknown> {
  return {
    Uid: user.uid,
    ID: user.id,
    FirstName: user.firstName ?? null,
    LastName: user.lastName ?? null,
    FullName: [user.firstName, user.lastName].filter(Boolean).join(' ') || null,
    UserName: user.username ?? null,
    Email: user.email ? [{ Type: 'Primary', Value: user.email }] : null,
    EmailVerified: user.emailVerified,
    PhoneId: user.phone ?? null,
    PhoneIdVerified: user.phoneVerified,
    IsActive: true,
    IsDeleted: false,
    NoOfLogins: user.logins,
    CreatedDate: dotNetDate(user.createdAt),
    LastLoginDate: user.lastLoginAt === undefined ? null : dotNetDate(user.lastLoginAt),
    RegistrationProvider: 'Email',
  };
}

/** The MFA settings (schema `TwoFactorAuthenticationSettings`) as the user's factors stand. */
export function settingsOf(user: User, extra: { smsSid?: string; emailSentTo?: string } = {}): Record<string, unknown> {
  return {
    QRCode: null,
    PushQRCode: null,
    // The real secret while set-up is pending, as LoginRadius shows it for the user to type into an app.
    ManualEntryCode: user.enabled.authenticator ? null : user.authenticatorSecret,
    DuoAuthEndpoint: null,
    IsGoogleAuthenticatorVerified: user.enabled.authenticator,
    IsAuthenticatorVerified: user.enabled.authenticator,
    IsOTPAuthenticatorVerified: user.enabled.sms,
    IsEmailOtpAuthenticatorVerified: user.enabled.email,
    IsPushDeviceRegistered: false,
    IsDuoAuthenticatorVerified: false,
    IsPasskeyAuthenticatorVerified: false,
    IsSecurityQuestionAuthenticatorVerified: user.enabled.securityquestions,
    OTPPhoneNo: user.enabled.sms ? (user.mfaPhone ?? null) : null,
    ...(extra.smsSid ? { OTPStatus: { AccountSid: null, Sid: extra.smsSid } } : {}),
    Email: user.enabled.email && user.email ? [user.email] : [],
    ...(extra.emailSentTo ? { EmailOTPStatus: { Email: maskEmail(extra.emailSentTo) } } : {}),
    SecurityQuestions: user.enabled.securityquestions ? [...user.securityAnswers.keys()].map((id) => ({ QuestionId: id, Question: SITE_SECURITY_QUESTIONS[id] ?? id })) : [],
  };
}
