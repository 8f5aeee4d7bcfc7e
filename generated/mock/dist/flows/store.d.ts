import type { ResolvedOptions } from './options.js';
import { Tenant } from './tenant.js';
export declare class TenantStore {
    private readonly options;
    private readonly tenants;
    constructor(options: ResolvedOptions);
    /** The key's tenant, created with the fixture users on first use. */
    tenant(apiKey: string): Tenant;
    /** The key's tenant if it has state, without creating one. */
    existing(apiKey: string): Tenant | undefined;
    reset(apiKey?: string): number;
    get size(): number;
    private dropIdle;
}
