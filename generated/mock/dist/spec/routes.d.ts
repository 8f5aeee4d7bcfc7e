import type { Operation } from './index.js';
interface PathGroup {
    path: string;
    segments: string[];
    lowerSegments: Array<string | null>;
    paramNames: Array<string | null>;
    literalCount: number;
    methods: Map<string, Operation>;
}
export interface RouteTable {
    staticRoutes: Map<string, PathGroup>;
    bySegments: Map<number, PathGroup[]>;
}
export type RouteMatch = {
    op: Operation;
    canonicalPath: string;
    pathParams: Record<string, string>;
} | {
    allowed: string[];
} | null;
export declare function buildRouteTable(operations: Operation[]): RouteTable;
/** The operation for a method and raw path; `{ allowed }` when the path is known but the method is not. */
export declare function matchRoute(table: RouteTable, method: string, rawPath: string): RouteMatch;
export {};
