import type { SpecIndex } from './index.js';
export declare function listTable(index: SpecIndex): string;
