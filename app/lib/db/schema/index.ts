/**
 * The database schema, one file per domain area. Migrations in db/migrations are generated from
 * these files (`npm run db:generate`) and applied at start-up. Invariants that protect data
 * (uniqueness, allowed values, scope consistency, capacity) are constraints here, not only checks
 * in code. See docs/decisions/023-schema-and-routes-per-area.md.
 */
export * from "./identity";
export * from "./tenancy";
export * from "./mail";
export * from "./activities";
export * from "./training";
export * from "./privacy";
export * from "./practice";
export * from "./credentials";
export * from "./teams";
export * from "./organising";
export * from "./budgets";
