/**
 * Who the public sees as an activity's organiser: the name somebody typed in, else the partner
 * organisation, else the municipality. Worked out when read, so renaming a partner renames its
 * activities' organiser too. Needs the municipality joined to the activity.
 */
import { sql } from "drizzle-orm";
import { activities, municipalities, partnerOrganisations } from "~/lib/db/schema";

export const publicOrganiserName = sql<string>`coalesce(${activities.organiserName}, (select ${partnerOrganisations.name} from ${partnerOrganisations} where ${partnerOrganisations.id} = ${activities.partnerOrganisationId}), ${municipalities.name})`;
