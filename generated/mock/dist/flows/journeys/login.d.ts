import { type Step } from './context.js';
export declare const loginSteps: Record<string, Step>;
