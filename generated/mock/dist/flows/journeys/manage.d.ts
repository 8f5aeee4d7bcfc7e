import { type Step } from './context.js';
export declare const manageSteps: Record<string, Step>;
