// loginradius-mfa-mock: the public API.
export { startMock, PortInUseError } from './start.js';
export { createMock } from './core.js';
