/** Loopback names and addresses (all of 127.0.0.0/8 is loopback). */
export const isLoopback = (host) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
