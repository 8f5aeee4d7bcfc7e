import type { Deref, Schema } from './load.js';
export interface BodyNode {
    exact: Map<string, BodyEntry>;
    byLower: Map<string, BodyEntry>;
    items: BodyNode | null;
    additional: BodyNode | null;
    additionalWriteOnly: boolean;
}
interface BodyEntry {
    name: string;
    schemas: Schema[];
    node: BodyNode | null;
    writeOnly: boolean;
}
export declare function createBodyTreeBuilder(deref: Deref): (schemas: Schema[]) => BodyNode | null;
/**
 * Renames JSON properties spelled in another casing to the spec's spelling, at any depth, following
 * the body tree. Returns the same value when nothing changed; records renames in `renamed`.
 */
export declare function canonicalizeBody(value: unknown, n: BodyNode | null, renamed: string[] | null, at?: string): unknown;
/**
 * Removes writeOnly properties (at any depth, following the response schema's tree) from a generated
 * response. Prism strips them only at the top level of a dynamic response; nested ones (a Profile's
 * Password, PIN) would leak. Returns the same value when nothing was removed.
 */
export declare function stripWriteOnly(value: unknown, n: BodyNode | null, seen?: Set<unknown>): unknown;
export {};
