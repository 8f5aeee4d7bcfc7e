import type { ListenOptions, MockOptions } from '../options.js';
export interface CliOptions extends MockOptions, ListenOptions {
    help: boolean;
    list: boolean;
}
export declare function usage(name: string, defaultPort: number): string;
export declare function parseArgs(argv: string[], env: Record<string, string | undefined>, defaultPort: number): CliOptions | {
    error: string;
};
