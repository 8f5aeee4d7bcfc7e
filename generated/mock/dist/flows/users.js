// Users of a tenant: what a LoginRadius account holds for these journeys (identifiers, password, PIN, enabled
// second factors, the authenticator secret, backup codes), and the response shapes built from it.
import { ScureBase32Plugin } from 'otplib';
import { dotNetDate } from './clock.js';
import { SITE_SECURITY_QUESTIONS } from './fixtures.js';
import { hex } from './random.js';
export const FACTORS = ['sms', 'email', 'authenticator', 'securityquestions'];
const base32 = new ScureBase32Plugin();
/** A 20-byte (160-bit) secret in Base32, the size RFC 4226 recommends and authenticator apps expect. */
export function newAuthenticatorSecret(random) {
    return base32.encode(random.bytes(20), { padding: false });
}
/** Ten codes shaped like LoginRadius's (`02ea0-de2bd`). */
export function newBackupCodes(random) {
    const codes = new Set();
    while (codes.size < 10) {
        const h = hex(random, 5);
        codes.add(`${h.slice(0, 5)}-${h.slice(5)}`);
    }
    return codes;
}
export function createUser(spec, random, now) {
    const factors = new Set(spec.factors ?? []);
    const user = {
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
    for (const key of ['email', 'username', 'phone', 'password', 'pin', 'firstName', 'lastName']) {
        if (spec[key] !== undefined)
            user[key] = spec[key];
    }
    if (user.enabled.sms)
        user.mfaPhone = spec.phone;
    return user;
}
export const hasSecondFactor = (user) => FACTORS.some((factor) => user.enabled[factor]);
/** `j***@e******.com`: how LoginRadius shows where an email code went. */
export function maskEmail(email) {
    const [local = '', domain = ''] = email.split('@');
    const mask = (part) => (part.length <= 1 ? part : `${part[0]}${'*'.repeat(part.length - 1)}`);
    const dot = domain.lastIndexOf('.');
    return dot > 0 ? `${mask(local)}@${mask(domain.slice(0, dot))}${domain.slice(dot)}` : `${mask(local)}@${mask(domain)}`;
}
/** The profile (schema `Profile`): identity and verification state only; never the password or PIN. */
export function profileOf(user) {
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
export function settingsOf(user, extra = {}) {
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
