import { requireStaffUser } from "~/features/accounts/session.server";
import { authorizeNetwork, authorizeOwnMunicipalities } from "~/features/authorization/gate.server";
import { can } from "~/features/authorization/policy";
import { env } from "~/lib/env.server";
import type { MailViewer } from "./reads.server";

/**
 * Whose mail this person may read: the network coordinator all of it, a project leader that of
 * their own municipalities. Anyone else gets 404 from the gate.
 */
export async function authorizeMailViewer(request: Request): Promise<MailViewer> {
  const user = await requireStaffUser(request);
  const isDemo = env.DEMO_DATA === "true";
  if (can(user.actor, "network.view_mail")) {
    const { network } = await authorizeNetwork(request, "network.view_mail");
    return { scope: { kind: "network", network }, email: user.email, isDemo };
  }
  const { municipalities } = await authorizeOwnMunicipalities(request, "municipality.view_mail");
  return { scope: { kind: "municipalities", ids: municipalities.map((municipality) => municipality.id) }, email: user.email, isDemo };
}
