import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeParticipants } from "~/features/activities/staff-access.server";
import { listParticipants } from "~/features/registrations/reads.server";
import { toCsv } from "~/lib/csv";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/staff.activity-participants-csv";

/** The participant list as a spreadsheet file, for organisers who work offline or print it. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, activity } = await authorizeParticipants(request, params.slug, params.id);
  const { t, locale } = await getTranslator(request);
  const { confirmed, waitlist } = await listParticipants(municipality.id, activity.id);
  const yesNo = (value: boolean) => (value ? t("participants.csv.yes") : t("participants.csv.no"));
  const when = (date: Date) => formatInZone(date, locale, { dateStyle: "short", timeStyle: "short" });
  const rows = [
    ...confirmed.map((p) => [
      t("registrationStatus.confirmed"),
      "",
      p.name,
      p.email ?? "",
      t(`ageGroup.${p.ageGroup}`),
      when(p.createdAt),
      yesNo(p.isWalkIn),
      p.attendance ? t(`participants.state.${p.attendance}`) : "",
    ]),
    ...waitlist.map((p) => [
      t("registrationStatus.waitlisted"),
      p.position,
      p.name,
      p.email ?? "",
      t(`ageGroup.${p.ageGroup}`),
      when(p.createdAt),
      yesNo(p.isWalkIn),
      "",
    ]),
  ];
  const header = [
    t("participants.csv.status"),
    t("participants.csv.position"),
    t("participants.name"),
    t("participants.email"),
    t("participants.ageGroup"),
    t("participants.csv.registeredAt"),
    t("participants.csv.walkIn"),
    t("participants.csv.attendance"),
  ];
  const filename = `deelnemers-${activity.startsAt.toISOString().slice(0, 10)}-${activity.id.slice(0, 8)}.csv`;
  return new Response(toCsv(header, rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "cache-control": "no-store",
    },
  });
}
