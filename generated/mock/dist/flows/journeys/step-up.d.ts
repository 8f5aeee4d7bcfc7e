import { type Step } from './context.js';
export declare const stepUpSteps: Record<string, Step>;
