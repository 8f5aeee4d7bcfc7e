// Randomness for tokens and codes. With a seed, each tenant draws from its own deterministic stream
// (HMAC-SHA256 of the seed, the API key and a counter), so a tenant's tokens and codes repeat from run to run
// whatever other tenants do meanwhile. Without a seed, node:crypto's CSPRNG.
import { createHmac, randomBytes } from 'node:crypto';

export interface Random {
  bytes(length: number): Buffer;
}

export function createRandom(seed: string | undefined, stream: string): Random {
  let counter = 0;
  // Draws are small (a digit, a 16-byte token), so they come from a pool refilled in blocks: one CSPRNG call
  // per 4 KiB rather than one per digit.
  const refill = seed === undefined ? () => randomBytes(4096) : () => createHmac('sha256', seed).update(`${stream}\u0000${counter++}`).digest();
  let pool = Buffer.alloc(0);
  return {
    bytes(length) {
      while (pool.length < length) pool = pool.length ? Buffer.concat([pool, refill()]) : refill();
      const out = Buffer.from(pool.subarray(0, length));
      pool = pool.subarray(length);
      return out;
    },
  };
}

/** A UUID-shaped token (version 4 layout), as LoginRadius's access and second-factor tokens are. */
export function uuid(random: Random): string {
  const b = random.bytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `length` decimal digits, uniformly distributed (rejection sampling avoids modulo bias). */
export function digits(random: Random, length: number): string {
  let out = '';
  while (out.length < length) {
    const byte = random.bytes(1)[0]!;
    if (byte < 250) out += String(byte % 10);
  }
  return out;
}

export function hex(random: Random, bytes: number): string {
  return random.bytes(bytes).toString('hex');
}
