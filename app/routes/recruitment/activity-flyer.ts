import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { publicActivityPath } from "~/features/activities/urls";
import { notFound } from "~/features/authorization/gate.server";
import { inviteLinkPath } from "~/features/organisers/urls";
import { renderFlyerPdf } from "~/features/recruitment/flyer-pdf.server";
import { findFlyerActivity, findInviterRoles } from "~/features/recruitment/reads.server";
import { ensureInviteLink, mayHoldLink, type LinkOwner } from "~/features/recruitment/writes.server";
import { baseUrl } from "~/lib/env.server";
import { isUuid } from "~/lib/validation";
import type { Route } from "./+types/activity-flyer";

/**
 * /mijn-activiteiten/:activityId/flyer.pdf — the A6 flyer, for the activity's organiser,
 * co-organisers and the members of its team (anyone else: 404). The QR code carries the team's
 * code for a team's activity, else the downloading person's own code when they are a Citytrainer
 * there, so the flyer recruits for whoever hands it out.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.activityId)) throw notFound();
  const activity = await findFlyerActivity(user.id, params.activityId);
  if (!activity) throw notFound();
  const { locale } = await getTranslator(request);
  const roles = await findInviterRoles(user.id);
  const candidates: LinkOwner[] = [
    ...(activity.teamId ? [{ kind: "team" as const, municipalityId: activity.municipalityId, teamId: activity.teamId }] : []),
    { kind: "person", municipalityId: activity.municipalityId, userId: user.id },
  ];
  const owner = candidates.find((candidate) => mayHoldLink(roles, candidate));
  const code = owner ? (await ensureInviteLink(owner)).code : null;
  const pageUrl = baseUrl + publicActivityPath(activity.slug, activity.activityId);
  const pdf = await renderFlyerPdf(
    {
      title: activity.title,
      description: activity.description,
      location: activity.location,
      neighbourhoodName: activity.neighbourhoodName,
      startsAt: activity.startsAt,
      endsAt: activity.endsAt,
      municipalityName: activity.municipalityName,
      qrUrl: code ? `${pageUrl}?ref=${encodeURIComponent(code)}` : pageUrl,
      shortUrl: code ? baseUrl + inviteLinkPath(code) : pageUrl,
    },
    locale,
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="flyer-${activity.activityId}.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
