import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/lib/db/client.server";
import { memberships, municipalities, neighbourhoods, partnerOrganisations, users } from "~/lib/db/schema";
import { DEMO_ACCOUNTS, seedDemoNetwork } from "~/features/demo/seed.server";
import { useTestDatabase } from "../support/database";
import { startTestServer, type TestServer } from "../support/server";

const database = useTestDatabase();

describe("demo network", () => {
  it("fills an empty database once", async () => {
    // Without the course data, whose trainees are accounts of their own (tests/integration/demo-training.test.ts).
    expect(await seedDemoNetwork({ activities: false, training: false })).toBe(true);
    expect(await seedDemoNetwork({ activities: false, training: false })).toBe(false);
    const [m] = await db().select({ n: count() }).from(municipalities);
    expect(m!.n).toBeGreaterThanOrEqual(3);
    const perMunicipality = await db()
      .select({ municipalityId: partnerOrganisations.municipalityId, n: count() })
      .from(partnerOrganisations)
      .groupBy(partnerOrganisations.municipalityId);
    expect(perMunicipality.every((row) => row.n >= 5)).toBe(true);
    const [n] = await db().select({ n: count() }).from(neighbourhoods);
    expect(n!.n).toBeGreaterThanOrEqual(9);
    const [u] = await db().select({ n: count() }).from(users);
    expect(u!.n).toBe(DEMO_ACCOUNTS.length);
    const roles = new Set((await db().select({ role: memberships.role }).from(memberships)).map((r) => r.role));
    expect([...roles].sort()).toEqual(["course_leader", "network_coordinator", "partner_contact", "practice_supervisor", "project_leader"]);
  });
});

describe("operations endpoints", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers /healthz and /readyz with JSON", async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok" });
  });

  it("returns a request id and logs JSON lines", async () => {
    const response = await fetch(`${server.url}/`, { headers: { "x-request-id": "test-request-1" } });
    expect(response.headers.get("x-request-id")).toBe("test-request-1");
  });

  it("serves security.txt", async () => {
    const response = await fetch(`${server.url}/.well-known/security.txt`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Contact:");
  });
});
