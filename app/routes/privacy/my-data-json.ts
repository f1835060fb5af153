import { requireUser } from "~/features/accounts/session.server";
import { notFound } from "~/features/authorization/gate.server";
import { exportOwnData } from "~/features/privacy/export.server";
import type { Route } from "./+types/my-data-json";

/** All my data as one JSON file (the registry's export), for the signed-in person only. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const data = await exportOwnData(user.id);
  if (!data) throw notFound();
  const filename = `buurtkracht-mijn-gegevens-${data.exportedAt.slice(0, 10)}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      // Personal data: never kept by a shared cache or the browser's back-forward cache.
      "cache-control": "no-store",
    },
  });
}
