import { StateLimitError, Tenant } from './tenant.js';
export class TenantStore {
    options;
    tenants = new Map();
    constructor(options) {
        this.options = options;
    }
    /** The key's tenant, created with the fixture users on first use. */
    tenant(apiKey) {
        let tenant = this.tenants.get(apiKey);
        if (!tenant) {
            if (this.tenants.size >= this.options.limits.tenants)
                this.dropIdle();
            if (this.tenants.size >= this.options.limits.tenants)
                throw new StateLimitError(`the mock already holds state for ${this.tenants.size} API keys (the limit); POST /__mock/reset frees them`);
            tenant = new Tenant(apiKey, this.options);
            this.tenants.set(apiKey, tenant);
        }
        tenant.lastUsed = this.options.now();
        tenant.sweep();
        return tenant;
    }
    /** The key's tenant if it has state, without creating one. */
    existing(apiKey) {
        return this.tenants.get(apiKey);
    }
    reset(apiKey) {
        if (apiKey === undefined) {
            const count = this.tenants.size;
            this.tenants.clear();
            return count;
        }
        return this.tenants.delete(apiKey) ? 1 : 0;
    }
    get size() {
        return this.tenants.size;
    }
    dropIdle() {
        const idleBefore = this.options.now() - this.options.limits.idleTenantSeconds * 1000;
        for (const [key, tenant] of this.tenants)
            if (tenant.lastUsed < idleBefore)
                this.tenants.delete(key);
    }
}
