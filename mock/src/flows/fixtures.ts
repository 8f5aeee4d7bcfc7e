// The fixture users every tenant starts with, like a payment provider's test cards. Their identifiers,
// secrets and backup codes are constants (documented in the README), so tests can use them without setup.
import type { UserSpec } from './users.js';

export const FIXTURE_PASSWORD = 'Password1!';
export const FIXTURE_PIN = '1234';

/** The security questions this mock's site offers (LoginRadius sites configure their own); requests send the IDs. */
export const SITE_SECURITY_QUESTIONS: Readonly<Record<string, string>> = {
  pet: "What is your pet's name?",
  city: 'In which city were you born?',
  school: 'What was the name of your first school?',
};

const USERS: UserSpec[] = [
  {
    uid: 'f1000000000000000000000000000000',
    email: 'no-mfa@example.com',
    username: 'no-mfa',
    phone: '+15550000000',
    firstName: 'Nora',
    lastName: 'Nomfa',
    factors: [],
  },
  {
    uid: 'f1000000000000000000000000000001',
    email: 'mfa-sms@example.com',
    username: 'mfa-sms',
    phone: '+15550000001',
    firstName: 'Sam',
    lastName: 'Sms',
    factors: ['sms'],
  },
  {
    uid: 'f1000000000000000000000000000002',
    email: 'mfa-email@example.com',
    username: 'mfa-email',
    phone: '+15550000002',
    firstName: 'Emma',
    lastName: 'Email',
    factors: ['email'],
  },
  {
    uid: 'f1000000000000000000000000000003',
    email: 'mfa-totp@example.com',
    username: 'mfa-totp',
    phone: '+15550000003',
    firstName: 'Tom',
    lastName: 'Totp',
    factors: ['authenticator'],
    authenticatorSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
  },
  {
    uid: 'f1000000000000000000000000000004',
    email: 'mfa-backup@example.com',
    username: 'mfa-backup',
    phone: '+15550000004',
    firstName: 'Bea',
    lastName: 'Backup',
    factors: ['authenticator', 'backupcodes'],
    authenticatorSecret: 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU',
    backupCodes: ['11111-aaaaa', '22222-bbbbb', '33333-ccccc', '44444-ddddd', '55555-eeeee', '66666-fffff', '77777-aaaaa', '88888-bbbbb', '99999-ccccc', '00000-ddddd'],
  },
  {
    uid: 'f1000000000000000000000000000006',
    email: 'mfa-questions@example.com',
    username: 'mfa-questions',
    phone: '+15550000006',
    firstName: 'Quinn',
    lastName: 'Questions',
    factors: ['securityquestions'],
    securityAnswers: { pet: 'Fluffy', city: 'Springfield' },
  },
  {
    uid: 'f1000000000000000000000000000005',
    email: 'mfa-all@example.com',
    username: 'mfa-all',
    phone: '+15550000005',
    firstName: 'Alex',
    lastName: 'All',
    factors: ['sms', 'email', 'authenticator', 'backupcodes'],
    authenticatorSecret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ',
    backupCodes: ['10101-abcde', '20202-bcdef', '30303-cdefa', '40404-defab', '50505-efabc', '60606-fabcd', '70707-abcdf', '80808-bcdfa', '90909-cdfab', '01010-dfabc'],
  },
];

export const FIXTURE_USERS: readonly UserSpec[] = USERS.map((user) => ({ password: FIXTURE_PASSWORD, pin: FIXTURE_PIN, ...user }));
