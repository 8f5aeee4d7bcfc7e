// Types for inventory.mjs (used from the TypeScript tests).
export const inventoryFile: string;
export const GENERIC_REQUIRED: { ErrorCode: number; Message: string };
export interface InventoryChange {
  operationId: string;
  change: string;
  loosens: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Inventory = { operations: Record<string, any> };
export function inventoryOf(spec: unknown): Inventory;
export function compareInventories(before: Inventory, after: Inventory): InventoryChange[];
export function formatInventory(inventory: Inventory): string;
export function readInventory(file?: string): Inventory;
