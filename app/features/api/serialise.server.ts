/**
 * The API's representation of activities and municipalities. Field names and types are the
 * contract documented in openapi.ts; the API tests validate real answers against that document.
 */
import { publicActivityPath } from "~/features/activities/urls";
import { spotsLeft } from "~/features/calendar/availability";
import type { PublicActivity } from "~/features/calendar/reads.server";
import { baseUrl } from "~/lib/env.server";

export function serialiseActivity(activity: PublicActivity) {
  const left = spotsLeft(activity);
  return {
    id: activity.id,
    title: activity.title,
    description: activity.description,
    startsAt: activity.starts.iso,
    endsAt: activity.ends.iso,
    municipality: activity.municipalitySlug,
    neighbourhood: activity.neighbourhoodName,
    category: activity.category,
    location: activity.location,
    minAge: activity.minAge,
    maxAge: activity.maxAge,
    organiser: activity.organiserName,
    registrationRequired: activity.registrationRequired,
    capacity: activity.capacity,
    spotsLeft: left,
    full: left === 0,
    waitlist: activity.waitlistEnabled,
    image: activity.imagePath ? `${baseUrl}/uploads/${encodeURIComponent(activity.imagePath)}` : null,
    url: baseUrl + publicActivityPath(activity.municipalitySlug, activity.id),
  };
}

export function serialiseMunicipality(municipality: { id: string; slug: string; name: string }) {
  return {
    id: municipality.id,
    slug: municipality.slug,
    name: municipality.name,
    url: `${baseUrl}/${municipality.slug}`,
    calendarUrl: `${baseUrl}/${municipality.slug}/activiteiten`,
    icsUrl: `${baseUrl}/api/v1/municipalities/${municipality.slug}/calendar.ics`,
  };
}
