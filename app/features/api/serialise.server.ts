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
    status: activity.status === "cancelled" ? "cancelled" : "scheduled",
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
    neighbourhoodsUrl: `${baseUrl}/api/v1/municipalities/${municipality.slug}/neighbourhoods`,
  };
}

/** A neighbourhood with the filtered views of its activities, so a client need not build them from ids. */
export function serialiseNeighbourhood(municipalitySlug: string, neighbourhood: { id: string; name: string }) {
  const id = encodeURIComponent(neighbourhood.id);
  return {
    id: neighbourhood.id,
    name: neighbourhood.name,
    activitiesUrl: `${baseUrl}/api/v1/activities?municipality=${municipalitySlug}&neighbourhood=${id}`,
    calendarUrl: `${baseUrl}/${municipalitySlug}/activiteiten?wijk=${id}`,
    icsUrl: `${baseUrl}/api/v1/municipalities/${municipalitySlug}/calendar.ics?neighbourhood=${id}`,
  };
}

/** The entry point of the API: where its document and collections are. */
export function serialiseApiIndex(version: string) {
  const api = `${baseUrl}/api/v1`;
  return {
    name: "Buurtkracht public API",
    version,
    links: {
      self: { href: api },
      openapi: { href: `${api}/openapi.json` },
      municipalities: { href: `${api}/municipalities` },
      activities: { href: `${api}/activities` },
    },
  };
}
