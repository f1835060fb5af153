import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { inviteLinkPath } from "~/features/organisers/urls";
import { loadInviteCards, qrSvgOf } from "~/features/recruitment/invite-cards.server";
import { baseUrl } from "~/lib/env.server";
import type { Route } from "./+types/own-invite-qr";

/** The QR code of one of the person's own live links, as an SVG file to print or share; anyone else's code is 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { cards } = await loadInviteCards(user.id);
  const card = cards.find((candidate) => candidate.code === params.code);
  if (!card) throw notFound();
  const svg = await qrSvgOf(baseUrl + inviteLinkPath(card.code));
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, {
    headers: {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="buurtkracht-uitnodiging-${card.code}.svg"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
