// One tenant's state (one API key): users, tokens, one-time codes, outbox and journal, each bounded.
// Every method is synchronous: a check and the change it guards (take a code, consume a token) happen in one
// turn of the event loop, so concurrent requests can never both pass the same check.
import { TenantClock } from './clock.js';
import type { JournalEntry } from '../pipeline/types.js';
import { FIXTURE_USERS } from './fixtures.js';
import type { ResolvedOptions } from './options.js';
import { createRandom, type Random } from './random.js';
import { createUser, type User, type UserSpec } from './users.js';

export type TokenRecord =
  | { kind: 'access'; uid: string; expiresAt: number; wrongReauthCodes: number; reauthLocked: boolean }
  | { kind: 'second-factor'; uid: string; expiresAt: number; wrongCodes: number; locked: boolean; pendingPhone?: string }
  | { kind: 'validation'; uid: string; expiresAt: number; via: 'mfa' | 'password' | 'pin'; consumedAt?: number }
  | { kind: 'passwordless-link'; uid: string; expiresAt: number; consumedAt?: number };

export type TokenKind = TokenRecord['kind'];

export interface IssuedCode {
  code: string;
  uid: string;
  /** The address or number it was sent to. */
  to: string;
  expiresAt: number;
  /** Wrong guesses so far; at the wrong-code limit the code is voided, so it cannot be brute-forced. */
  wrongGuesses?: number;
}

export type CodeCheck = 'ok' | 'wrong' | 'expired';

export interface OutboxMessage {
  channel: 'sms' | 'email';
  to: string;
  template: string;
  code?: string;
  link?: string;
  /** The verification token the link carries. */
  token?: string;
  operationId: string;
  at: string;
}

/** A bound of the tenant's state was reached (answered with the documented 429). */
export class StateLimitError extends Error {}
/** An identifier is already taken by another user of the tenant. */
export class ConflictError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

const SWEEP_EVERY_MS = 30_000;
/** Expired tokens and codes stay this long, so that using one is answered "expired" rather than "invalid". */
const EXPIRED_KEPT_MS = 15 * 60_000;

/** A ring that keeps only its newest `capacity` items: O(1) to add, and reads stop at their limit. */
class Bounded<T> {
  private readonly items: T[] = [];
  /** Once full, the slot of the oldest item, which the next push overwrites. */
  private oldest = 0;
  constructor(private readonly capacity: number) {}
  push(item: T): void {
    if (this.items.length < this.capacity) this.items.push(item);
    else {
      this.items[this.oldest] = item;
      this.oldest = (this.oldest + 1) % this.capacity;
    }
  }
  /** Newest first: the first `limit` items that `keep` accepts. */
  newest(keep: (item: T) => boolean = () => true, limit: number = Infinity): T[] {
    const out: T[] = [];
    const n = this.items.length;
    for (let i = 1; i <= n && out.length < limit; i++) {
      const item = this.items[(this.oldest - i + n) % n]!;
      if (keep(item)) out.push(item);
    }
    return out;
  }
  get size(): number {
    return this.items.length;
  }
}

export class Tenant {
  readonly clock: TenantClock;
  readonly random: Random;
  readonly outbox: Bounded<OutboxMessage>;
  readonly journal: Bounded<JournalEntry>;
  private readonly users = new Map<string, User>();
  private readonly logins = new Map<string, string>();
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly codes = new Map<string, IssuedCode>();
  private lastSweep = 0;
  lastUsed: number;

  constructor(
    readonly apiKey: string,
    private readonly options: ResolvedOptions,
  ) {
    this.clock = new TenantClock(options.now);
    this.random = createRandom(options.seed, apiKey);
    this.outbox = new Bounded(options.limits.outboxPerKey);
    this.journal = new Bounded(options.limits.journalPerKey);
    this.lastUsed = options.now();
    for (const fixture of FIXTURE_USERS) this.addUser(fixture);
  }

  now(): number {
    return this.clock.now();
  }

  // Users

  addUser(spec: UserSpec): User {
    if (this.users.size >= this.options.limits.usersPerKey) throw new StateLimitError(`this API key already has ${this.users.size} users (the limit)`);
    const keys = loginKeys(spec);
    for (const [field, key] of keys) if (this.logins.has(key)) throw new ConflictError(field, `${field} ${JSON.stringify(spec[field])} is already used by another user`);
    if (spec.uid !== undefined && this.users.has(spec.uid)) throw new ConflictError('uid', `uid ${spec.uid} is already used by another user`);
    const user = createUser(spec, this.random, this.now());
    this.users.set(user.uid, user);
    for (const [, key] of keys) this.logins.set(key, user.uid);
    return user;
  }

  user(uid: string): User | undefined {
    return this.users.get(uid);
  }

  findUser(by: 'email' | 'username' | 'phone', value: string): User | undefined {
    const uid = this.logins.get(loginKey(by, value));
    return uid === undefined ? undefined : this.users.get(uid);
  }

  allUsers(): User[] {
    return [...this.users.values()];
  }

  // Tokens

  issueToken(token: string, record: TokenRecord): string {
    this.makeRoom();
    this.tokens.set(token, record);
    return token;
  }

  token(token: string): TokenRecord | undefined {
    return this.tokens.get(token);
  }

  deleteToken(token: string): void {
    this.tokens.delete(token);
  }

  // One-time codes: one live code per purpose, so issuing a new one voids the previous one.

  issueCode(purpose: string, code: IssuedCode): void {
    if (!this.codes.has(purpose)) this.makeRoom();
    this.codes.set(purpose, code);
  }

  /** Checks a code and, when it is right, consumes it in the same step. */
  takeCode(purpose: string, given: string, matchesTo?: string): CodeCheck {
    const issued = this.codes.get(purpose);
    if (!issued) return 'wrong';
    if (issued.code !== given || (matchesTo !== undefined && issued.to.toLowerCase() !== matchesTo.toLowerCase())) {
      issued.wrongGuesses = (issued.wrongGuesses ?? 0) + 1;
      if (issued.wrongGuesses >= this.options.maxWrongCodes) this.codes.delete(purpose);
      return 'wrong';
    }
    if (issued.expiresAt <= this.now()) return 'expired';
    this.codes.delete(purpose);
    return 'ok';
  }

  liveCode(purpose: string): IssuedCode | undefined {
    return this.codes.get(purpose);
  }

  get liveCount(): number {
    return this.tokens.size + this.codes.size;
  }

  /**
   * Drops tokens and codes that expired more than 15 minutes ago, at most every 30 s of tenant time. At the
   * limit (`force`), every expired one goes.
   */
  sweep(force = false): void {
    const now = this.now();
    if (!force && now - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = now;
    const before = force ? now : now - EXPIRED_KEPT_MS;
    for (const [key, record] of this.tokens) if (record.expiresAt <= before) this.tokens.delete(key);
    for (const [key, code] of this.codes) if (code.expiresAt <= before) this.codes.delete(key);
  }

  private makeRoom(): void {
    if (this.liveCount < this.options.limits.liveTokensPerKey) return;
    this.sweep(true);
    if (this.liveCount >= this.options.limits.liveTokensPerKey)
      throw new StateLimitError(`this API key holds ${this.liveCount} live tokens and codes (the limit); they expire, or POST /__mock/reset`);
  }
}

function loginKey(by: 'email' | 'username' | 'phone', value: string): string {
  return `${by}:${by === 'phone' ? value : value.toLowerCase()}`;
}

function loginKeys(spec: UserSpec): Array<['email' | 'username' | 'phone', string]> {
  return (['email', 'username', 'phone'] as const).flatMap((field) => (spec[field] === undefined ? [] : [[field, loginKey(field, spec[field])] as ['email' | 'username' | 'phone', string]]));
}
