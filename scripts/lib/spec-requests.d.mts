// Types for spec-requests.mjs (used from the TypeScript tests).
/* eslint-disable @typescript-eslint/no-explicit-any */
export interface SpecOperation {
  method: 'get' | 'put' | 'post' | 'delete' | 'patch';
  path: string;
  operationId: string;
  op: any;
  parameters: any[];
  security: Array<Record<string, string[]>>;
}
export interface ValidRequest {
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  header: Record<string, string>;
  body: any;
}
export function loadSpec(file?: string): any;
export function deref(spec: any, node: any): any;
export function listOperations(spec: any): SpecOperation[];
export function validRequest(spec: any, operation: SpecOperation, options?: { allParameters?: boolean }): ValidRequest;
export function rawRequest(
  spec: any,
  operation: SpecOperation,
  credentials: { apiKey: string; accessToken: string; apiSecret: string; m2mToken?: string },
): { method: string; path: string; headers: Record<string, string>; body?: string };
