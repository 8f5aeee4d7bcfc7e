export interface CliContext {
    /** The name in messages and usage (default loginradius-mfa-mock). */
    name?: string;
    defaultPort?: number;
}
export declare function runCli(argv: string[], env?: Record<string, string | undefined>, context?: CliContext): Promise<void>;
