import type { AdminHandler, LightAdminHandler } from '../pipeline/types.js';
import type { ResolvedOptions } from './options.js';
import type { TenantStore } from './store.js';
import { type UserSpec } from './users.js';
export declare const ADMIN_PREFIX = "/__mock/";
/** Checks a `POST /__mock/users` body field by field. */
export declare function parseUserSpec(body: Record<string, unknown>): UserSpec;
export interface AdminHandlers {
    /** Fetch-shaped, for embedders and tests. */
    handle: AdminHandler;
    /** Without Fetch objects: what the core calls. */
    call: LightAdminHandler;
}
export declare function createAdminHandlers(store: TenantStore, options: ResolvedOptions): AdminHandlers;
