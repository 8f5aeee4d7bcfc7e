import type { SpecIndex } from '../spec/index.js';
import { type Exchange, type Reply } from './exchange.js';
/** Sets ex.op; returns the reply when the request reaches no operation (`forwardUnknown`: leave it to the proxy). */
export declare function route(index: SpecIndex, ex: Exchange, forwardUnknown: boolean): Reply | 'unrouted' | undefined;
