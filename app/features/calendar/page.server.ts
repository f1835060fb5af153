/**
 * What a calendar page shows for a query: one page of the list (50 activities) or one week.
 * Each is a single query on the calendar index.
 */
import type { MunicipalityId } from "~/features/authorization/gate.server";
import type { CalendarItem } from "./calendar-view";
import { availabilityOf } from "./availability";
import { encodeCursor } from "./cursor";
import { listUpcomingActivities, listUpcomingActivitiesInNetwork, type PublicActivity } from "./reads.server";
import type { CalendarFilters, CalendarPageQuery } from "./schema";
import { daysOfIsoWeek, isoWeekOf, shiftIsoWeek, todayInAmsterdam } from "./time";

export const LIST_PAGE_SIZE = 50;
/** A week view shows at most this many activities (far more than any municipality has in a week). */
export const WEEK_LIMIT = 500;
/** The iCalendar feed holds at most this many upcoming activities. */
export const FEED_LIMIT = 500;

/** Only what a calendar row shows: a small loader payload keeps the busy calendar page fast. */
export function toCalendarItem(activity: PublicActivity, options: { withMunicipality?: boolean } = {}): CalendarItem {
  return {
    id: activity.id,
    title: activity.title,
    category: activity.category,
    startsAt: activity.starts.iso,
    endsAt: activity.ends.iso,
    minAge: activity.minAge,
    maxAge: activity.maxAge,
    neighbourhoodName: activity.neighbourhoodName,
    municipalitySlug: activity.municipalitySlug,
    municipalityName: options.withMunicipality ? activity.municipalityName : undefined,
    availability: availabilityOf(activity),
  };
}

export interface CalendarPageData {
  view: "list" | "week";
  items: CalendarItem[];
  /** The list's next-page cursor (list view only). */
  next: string | null;
  week: { id: string; number: number; days: string[]; previous: string | null; next: string; current: string } | null;
}

export async function loadCalendarPage(
  municipalityId: MunicipalityId | null,
  query: CalendarPageQuery,
  now: Date = new Date(),
): Promise<CalendarPageData> {
  const list = (filters: CalendarFilters, page: { limit: number; after?: CalendarPageQuery["after"] }) =>
    municipalityId ? listUpcomingActivities(municipalityId, filters, page, now) : listUpcomingActivitiesInNetwork(filters, page, now);

  if (query.view === "week") {
    const current = isoWeekOf(todayInAmsterdam(now));
    const week = query.week ?? current;
    const days = daysOfIsoWeek(week);
    const page = await list({ ...query.filters, from: days[0], to: days[6] }, { limit: WEEK_LIMIT });
    const previous = shiftIsoWeek(week, -1);
    return {
      view: "week",
      items: page.items.map((item) => toCalendarItem(item, { withMunicipality: !municipalityId })),
      next: null,
      week: {
        id: week,
        number: Number(week.slice(-2)),
        days,
        // Only upcoming activities are shown, so a week entirely in the past has nothing to show.
        previous: week > current ? previous : null,
        next: shiftIsoWeek(week, 1),
        current,
      },
    };
  }
  const page = await list(query.filters, { limit: LIST_PAGE_SIZE, after: query.after });
  return { view: "list", items: page.items.map((item) => toCalendarItem(item, { withMunicipality: !municipalityId })), next: page.next ? encodeCursor(page.next) : null, week: null };
}
