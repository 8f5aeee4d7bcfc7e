export declare function narrowResource(resource: object, query: Record<string, unknown>, headers: Record<string, unknown>): object;
