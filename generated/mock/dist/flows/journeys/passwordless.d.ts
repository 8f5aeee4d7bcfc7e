import { type Step } from './context.js';
export declare const passwordlessSteps: Record<string, Step>;
