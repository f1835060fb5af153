import type { Transaction } from "~/lib/db/client.server";

/** Upcoming demo activities; filled in by the activities feature. */
export async function seedDemoActivities(_tx: Transaction): Promise<void> {}
