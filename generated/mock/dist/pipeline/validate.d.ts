import { type Exchange } from './exchange.js';
/** Fills ex.violations / ex.reported; true when the request is valid. */
export declare function validate(ex: Exchange): boolean;
