import { type MockConfig } from '../prism/prism.js';
import { type Exchange, type Reply } from './exchange.js';
export declare function mockControlError(ex: Exchange, status: number, message: string): Reply;
export declare function serveExample(ex: Exchange, config: MockConfig, addViolations: boolean): Reply;
