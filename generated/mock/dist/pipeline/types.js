// The extension contract of the request pipeline: what a responder, an admin handler and a journal
// listener see. Stateful behaviour (flows, scenarios) plugs in here without touching the stages.
export {};
