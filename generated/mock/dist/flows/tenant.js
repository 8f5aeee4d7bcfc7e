// One tenant's state (one API key): users, tokens, one-time codes, outbox and journal, each bounded.
// Every method is synchronous: a check and the change it guards (take a code, consume a token) happen in one
// turn of the event loop, so concurrent requests can never both pass the same check.
import { TenantClock } from './clock.js';
import { FIXTURE_USERS } from './fixtures.js';
import { createRandom } from './random.js';
import { createUser } from './users.js';
/** A bound of the tenant's state was reached (answered with the documented 429). */
export class StateLimitError extends Error {
}
/** An identifier is already taken by another user of the tenant. */
export class ConflictError extends Error {
    field;
    constructor(field, message) {
        super(message);
        this.field = field;
    }
}
const SWEEP_EVERY_MS = 30_000;
/** Expired tokens and codes stay this long, so that using one is answered "expired" rather than "invalid". */
const EXPIRED_KEPT_MS = 15 * 60_000;
/** A ring that keeps only its newest `capacity` items: O(1) to add, and reads stop at their limit. */
class Bounded {
    capacity;
    items = [];
    /** Once full, the slot of the oldest item, which the next push overwrites. */
    oldest = 0;
    constructor(capacity) {
        this.capacity = capacity;
    }
    push(item) {
        if (this.items.length < this.capacity)
            this.items.push(item);
        else {
            this.items[this.oldest] = item;
            this.oldest = (this.oldest + 1) % this.capacity;
        }
    }
    /** Newest first: the first `limit` items that `keep` accepts. */
    newest(keep = () => true, limit = Infinity) {
        const out = [];
        const n = this.items.length;
        for (let i = 1; i <= n && out.length < limit; i++) {
            const item = this.items[(this.oldest - i + n) % n];
            if (keep(item))
                out.push(item);
        }
        return out;
    }
    get size() {
        return this.items.length;
    }
}
export class Tenant {
    apiKey;
    options;
    clock;
    random;
    outbox;
    journal;
    users = new Map();
    logins = new Map();
    tokens = new Map();
    codes = new Map();
    lastSweep = 0;
    lastUsed;
    constructor(apiKey, options) {
        this.apiKey = apiKey;
        this.options = options;
        this.clock = new TenantClock(options.now);
        this.random = createRandom(options.seed, apiKey);
        this.outbox = new Bounded(options.limits.outboxPerKey);
        this.journal = new Bounded(options.limits.journalPerKey);
        this.lastUsed = options.now();
        for (const fixture of FIXTURE_USERS)
            this.addUser(fixture);
    }
    now() {
        return this.clock.now();
    }
    // Users
    addUser(spec) {
        if (this.users.size >= this.options.limits.usersPerKey)
            throw new StateLimitError(`this API key already has ${this.users.size} users (the limit)`);
        const keys = loginKeys(spec);
        for (const [field, key] of keys)
            if (this.logins.has(key))
                throw new ConflictError(field, `${field} ${JSON.stringify(spec[field])} is already used by another user`);
        if (spec.uid !== undefined && this.users.has(spec.uid))
            throw new ConflictError('uid', `uid ${spec.uid} is already used by another user`);
        const user = createUser(spec, this.random, this.now());
        this.users.set(user.uid, user);
        for (const [, key] of keys)
            this.logins.set(key, user.uid);
        return user;
    }
    user(uid) {
        return this.users.get(uid);
    }
    findUser(by, value) {
        const uid = this.logins.get(loginKey(by, value));
        return uid === undefined ? undefined : this.users.get(uid);
    }
    allUsers() {
        return [...this.users.values()];
    }
    // Tokens
    issueToken(token, record) {
        this.makeRoom();
        this.tokens.set(token, record);
        return token;
    }
    token(token) {
        return this.tokens.get(token);
    }
    deleteToken(token) {
        this.tokens.delete(token);
    }
    // One-time codes: one live code per purpose, so issuing a new one voids the previous one.
    issueCode(purpose, code) {
        if (!this.codes.has(purpose))
            this.makeRoom();
        this.codes.set(purpose, code);
    }
    /** Checks a code and, when it is right, consumes it in the same step. */
    takeCode(purpose, given, matchesTo) {
        const issued = this.codes.get(purpose);
        if (!issued)
            return 'wrong';
        if (issued.code !== given || (matchesTo !== undefined && issued.to.toLowerCase() !== matchesTo.toLowerCase())) {
            issued.wrongGuesses = (issued.wrongGuesses ?? 0) + 1;
            if (issued.wrongGuesses >= this.options.maxWrongCodes)
                this.codes.delete(purpose);
            return 'wrong';
        }
        if (issued.expiresAt <= this.now())
            return 'expired';
        this.codes.delete(purpose);
        return 'ok';
    }
    liveCode(purpose) {
        return this.codes.get(purpose);
    }
    get liveCount() {
        return this.tokens.size + this.codes.size;
    }
    /**
     * Drops tokens and codes that expired more than 15 minutes ago, at most every 30 s of tenant time. At the
     * limit (`force`), every expired one goes.
     */
    sweep(force = false) {
        const now = this.now();
        if (!force && now - this.lastSweep < SWEEP_EVERY_MS)
            return;
        this.lastSweep = now;
        const before = force ? now : now - EXPIRED_KEPT_MS;
        for (const [key, record] of this.tokens)
            if (record.expiresAt <= before)
                this.tokens.delete(key);
        for (const [key, code] of this.codes)
            if (code.expiresAt <= before)
                this.codes.delete(key);
    }
    makeRoom() {
        if (this.liveCount < this.options.limits.liveTokensPerKey)
            return;
        this.sweep(true);
        if (this.liveCount >= this.options.limits.liveTokensPerKey)
            throw new StateLimitError(`this API key holds ${this.liveCount} live tokens and codes (the limit); they expire, or POST /__mock/reset`);
    }
}
function loginKey(by, value) {
    return `${by}:${by === 'phone' ? value : value.toLowerCase()}`;
}
function loginKeys(spec) {
    return ['email', 'username', 'phone'].flatMap((field) => (spec[field] === undefined ? [] : [[field, loginKey(field, spec[field])]]));
}
