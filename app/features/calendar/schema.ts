/**
 * Filters of the public calendar. The pages read them from Dutch query parameters and quietly
 * drop a value that does not parse (a hand-edited link still shows the calendar); the API reads
 * the same filters from English parameters and answers 422 for any invalid value.
 */
import { z } from "zod";
import { ACTIVITY_CATEGORIES, type ActivityCategory } from "~/lib/db/schema";
import { decodeCursor, type CalendarCursor } from "./cursor";
import { isLocalDate, mondayOfIsoWeek } from "./time";

/**
 * What a public list shows: the calendar pages show published activities; the API and the feeds
 * also keep showing cancelled ones (that were published once), so that a subscriber or a client
 * learns of the cancellation instead of seeing the activity vanish.
 */
export type ListedStatus = "published" | "cancelled";

export interface CalendarFilters {
  neighbourhoodId?: string;
  category?: ActivityCategory;
  /** Local dates (Europe/Amsterdam), both inclusive. */
  from?: string;
  to?: string;
  /** Only activities whose age range includes this age. */
  age?: number;
  /** Free text, matched with Dutch stemming. */
  q?: string;
  /** Published only when left out (the calendar pages); the API and feeds add cancelled ones. */
  statuses?: readonly ListedStatus[];
}

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const localDate = z
  .string()
  .refine((value) => isLocalDate(value) && value >= "2000-01-01" && value <= "2999-12-31", {
    error: "calendar.validation.date",
  });

export const searchText = z
  .string()
  .trim()
  .max(200, { error: `validation.tooLong|{"max":200}` })
  .refine((value) => !CONTROL_CHARACTERS.test(value), { error: "validation.controlCharacters" });

export const ageParam = z
  .string()
  .regex(/^\d{1,3}$/, { error: "calendar.validation.age" })
  .transform(Number)
  .pipe(z.number().max(120, { error: "calendar.validation.age" }));

export const categoryParam = z.enum(ACTIVITY_CATEGORIES, { error: "validation.invalid" });
export const neighbourhoodParam = z.uuid({ error: "validation.invalid" });
export const municipalitySlugParam = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "validation.invalid" }).max(80);

export const cursorParam = z.string().transform((value, context) => {
  const cursor = decodeCursor(value);
  if (!cursor) {
    context.addIssue({ code: "custom", message: "calendar.validation.cursor" });
    return z.NEVER;
  }
  return cursor;
});

export const weekParam = z.string().refine((value) => mondayOfIsoWeek(value) !== null, { error: "validation.invalid" });

/** Query parameters of GET /api/v1/activities. */
export const activityListQuery = z
  .object({
    municipality: municipalitySlugParam.optional(),
    neighbourhood: neighbourhoodParam.optional(),
    category: categoryParam.optional(),
    from: localDate.optional(),
    to: localDate.optional(),
    age: ageParam.optional(),
    q: searchText.optional(),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, { error: `calendar.validation.limit|{"max":100}` })
      .transform(Number)
      .pipe(z.number().min(1, { error: `calendar.validation.limit|{"max":100}` }).max(100, { error: `calendar.validation.limit|{"max":100}` }))
      .default(20),
    cursor: cursorParam.optional(),
    status: z.enum(["scheduled", "cancelled"], { error: "validation.invalid" }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: "calendar.validation.dateOrder",
    path: ["to"],
  });
export type ActivityListQuery = z.infer<typeof activityListQuery>;

function lenient<T>(schema: z.ZodType<T>, value: string | null): T | undefined {
  if (value === null || value.trim() === "") return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

export interface CalendarPageQuery {
  filters: CalendarFilters;
  municipality?: string;
  view: "list" | "week";
  week?: string;
  after?: CalendarCursor;
}

/** The calendar page's query string (Dutch parameter names), with invalid values left out. */
export function readCalendarPageQuery(params: URLSearchParams): CalendarPageQuery {
  const q = lenient(searchText, params.get("q"));
  let from = lenient(localDate, params.get("van"));
  let to = lenient(localDate, params.get("tot"));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    filters: {
      neighbourhoodId: lenient(neighbourhoodParam, params.get("wijk")),
      category: lenient(categoryParam, params.get("categorie")),
      from,
      to,
      age: lenient(ageParam, params.get("leeftijd")),
      q: q || undefined,
    },
    municipality: lenient(municipalitySlugParam, params.get("gemeente")),
    view: params.get("weergave") === "week" ? "week" : "list",
    week: lenient(weekParam, params.get("week")),
    after: lenient(cursorParam, params.get("na")),
  };
}
