// loginradius-mfa-mock: the public API.
export { startMock, PortInUseError, type RunningMock } from './start.js';
export { createMock, type Mock } from './core.js';
export type { MockOptions, ListenOptions } from './options.js';
export type { Latency, FaultKind } from './pipeline/faults.js';
export type { NormalisedRequest, MockResponse, Responder, AdminHandler, JournalEntry, FlowsModule } from './pipeline/types.js';
export type { IncomingRequest, Reply, Fault } from './pipeline/exchange.js';
