import { asc } from "drizzle-orm";
import { db } from "~/lib/db/client.server";
import { municipalities } from "~/lib/db/schema";

/** The municipalities of the network, for the public home page (public data only). */
export async function listMunicipalities() {
  return db()
    .select({
      id: municipalities.id,
      slug: municipalities.slug,
      name: municipalities.name,
      themeColour: municipalities.themeColour,
      logoPath: municipalities.logoPath,
    })
    .from(municipalities)
    .orderBy(asc(municipalities.name));
}
