export interface Random {
    bytes(length: number): Buffer;
}
export declare function createRandom(seed: string | undefined, stream: string): Random;
/** A UUID-shaped token (version 4 layout), as LoginRadius's access and second-factor tokens are. */
export declare function uuid(random: Random): string;
/** `length` decimal digits, uniformly distributed (rejection sampling avoids modulo bias). */
export declare function digits(random: Random, length: number): string;
export declare function hex(random: Random, bytes: number): string;
