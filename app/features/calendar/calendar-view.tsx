/**
 * The public calendar's building blocks: the filter form (a GET form, so it works without
 * JavaScript and every result has its own link), the list grouped by day, and the week view.
 * Server-rendered only; the pages that use them ship no JavaScript.
 */
import { publicActivityPath } from "~/features/activities/urls";
import type { ActivityCategory } from "~/lib/db/schema";
import { ACTIVITY_CATEGORIES } from "~/lib/db/schema";
import type { Locale, Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Availability } from "./availability";
import type { CalendarFilters } from "./schema";

/** What one calendar row shows (kept small: it is the loader payload of the busiest page). */
export interface CalendarItem {
  id: string;
  title: string;
  category: ActivityCategory;
  /** ISO 8601 local time with the Amsterdam offset, e.g. "2026-10-25T14:00:00+01:00". */
  startsAt: string;
  endsAt: string;
  minAge: number | null;
  maxAge: number | null;
  neighbourhoodName: string | null;
  municipalitySlug: string;
  /** Only on the network-wide calendar. */
  municipalityName?: string;
  availability: Availability;
}

export function availabilityText(availability: Availability, t: Translate): string {
  switch (availability.kind) {
    case "no_registration":
      return t("calendar.places.noRegistration");
    case "unlimited":
      return t("calendar.places.unlimited");
    case "open":
      return availability.spotsLeft === 1 ? t("calendar.places.leftOne") : t("calendar.places.left", { count: availability.spotsLeft });
    case "waitlist":
      return t("calendar.places.waitlist");
    case "full":
      return t("calendar.places.full");
  }
}

export function ageRangeText(activity: { minAge: number | null; maxAge: number | null }, t: Translate): string {
  const { minAge, maxAge } = activity;
  if (minAge !== null && maxAge !== null) return t("calendar.age.range", { min: minAge, max: maxAge });
  if (minAge !== null) return t("calendar.age.from", { min: minAge });
  if (maxAge !== null) return t("calendar.age.upTo", { max: maxAge });
  return t("calendar.age.all");
}

export function formatDay(localDate: string, locale: Locale): string {
  // Noon UTC lies on the same calendar day in Amsterdam all year round.
  return formatInZone(new Date(`${localDate}T12:00:00Z`), locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

/** Start and end as "14:00–16:00" (24-hour clock in Dutch and British English alike), with the end's day if it differs. */
export function TimeRange({ startsAt, endsAt, locale }: { startsAt: string; endsAt: string; locale: Locale }) {
  // The ISO strings are local times: date and clock time are their first 10 and 11–16th characters.
  const endLabel =
    startsAt.slice(0, 10) === endsAt.slice(0, 10)
      ? endsAt.slice(11, 16)
      : `${formatInZone(new Date(`${endsAt.slice(0, 10)}T12:00:00Z`), locale, { day: "numeric", month: "short" })} ${endsAt.slice(11, 16)}`;
  return (
    <>
      <time dateTime={startsAt}>{startsAt.slice(11, 16)}</time>
      {"\u2013"}
      <time dateTime={endsAt}>{endLabel}</time>
    </>
  );
}

export interface LinkOptions {
  /** For the embed: open activity pages outside the iframe. */
  newTab?: boolean;
  /** Show the municipality (the network-wide calendar). */
  showMunicipality?: boolean;
}

function ActivityLink({ activity, options, t }: { activity: CalendarItem; options: LinkOptions; t: Translate }) {
  const href = publicActivityPath(activity.municipalitySlug, activity.id);
  if (options.newTab) {
    return (
      <a className="utrecht-link" href={href} target="_blank" rel="noopener noreferrer">
        {activity.title}
        <span className="visually-hidden">{` ${t("embed.newTab")}`}</span>
      </a>
    );
  }
  return (
    <a className="utrecht-link" href={href}>
      {activity.title}
    </a>
  );
}

interface SummaryProps {
  activity: CalendarItem;
  options: LinkOptions;
  headingLevel: 3 | 4;
  t: Translate;
  locale: Locale;
}

// The busiest markup of the site (50 rows a page): translation is passed in rather than looked
// up per row, and each line's text is one string.
function ActivitySummary({ activity, options, headingLevel, t, locale }: SummaryProps) {
  const Heading = headingLevel === 3 ? "h3" : "h4";
  const details = [options.showMunicipality ? activity.municipalityName : null, activity.neighbourhoodName, t(`activityCategory.${activity.category}`)]
    .filter(Boolean)
    .join(" · ");
  const { availability } = activity;
  return (
    <article className="calendar-item">
      <Heading className={`utrecht-heading-${headingLevel} calendar-item__title`}>
        <ActivityLink activity={activity} options={options} t={t} />
      </Heading>
      <p className="utrecht-paragraph calendar-item__meta">
        <TimeRange startsAt={activity.startsAt} endsAt={activity.endsAt} locale={locale} />
        {` · ${details}`}
      </p>
      <p className="utrecht-paragraph calendar-item__meta">
        <span className={`calendar-places calendar-places--${availability.kind}`}>{availabilityText(availability, t)}</span>
        {` · ${ageRangeText(activity, t)}`}
      </p>
    </article>
  );
}

/** Activities grouped under a heading per local day. */
export function ActivityList({ items, options = {} }: { items: CalendarItem[]; options?: LinkOptions }) {
  const { t, locale } = useTranslation();
  if (items.length === 0) return <p className="utrecht-paragraph calendar-empty">{t("calendar.list.empty")}</p>;
  const days: { date: string; items: CalendarItem[] }[] = [];
  for (const item of items) {
    const date = item.startsAt.slice(0, 10);
    const last = days.at(-1);
    if (last?.date === date) last.items.push(item);
    else days.push({ date, items: [item] });
  }
  return (
    <div className="calendar-list">
      {days.map((day) => (
        <section key={day.date} className="calendar-day" aria-labelledby={`day-${day.date}`}>
          <h2 className="utrecht-heading-2 calendar-day__heading" id={`day-${day.date}`}>
            {formatDay(day.date, locale)}
          </h2>
          <ul className="calendar-day__items">
            {day.items.map((item) => (
              <li key={item.id}>
                <ActivitySummary activity={item} options={options} headingLevel={3} t={t} locale={locale} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** Seven day columns on wide screens, stacked days on phones. */
export function WeekGrid({ days, items, options = {} }: { days: string[]; items: CalendarItem[]; options?: LinkOptions }) {
  const { t, locale } = useTranslation();
  const byDay = new Map<string, CalendarItem[]>(days.map((day) => [day, []]));
  for (const item of items) byDay.get(item.startsAt.slice(0, 10))?.push(item);
  return (
    <ol className="week-grid">
      {days.map((day) => {
        const dayItems = byDay.get(day) ?? [];
        return (
          <li key={day} className="week-grid__day">
            <h3 className="utrecht-heading-3 week-grid__heading">
              {formatInZone(new Date(`${day}T12:00:00Z`), locale, { weekday: "long", day: "numeric", month: "long" })}
            </h3>
            {dayItems.length === 0 ? (
              <p className="utrecht-paragraph week-grid__empty">{t("calendar.week.none")}</p>
            ) : (
              <ul className="week-grid__items">
                {dayItems.map((item) => (
                  <li key={item.id}>
                    <ActivitySummary activity={item} options={options} headingLevel={4} t={t} locale={locale} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Builds a calendar link that keeps the current filters; `null` removes a parameter. */
export function calendarHref(path: string, current: URLSearchParams, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  for (const [key, value] of [...params]) if (value === "") params.delete(key);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export interface FilterFormProps {
  path: string;
  filters: CalendarFilters;
  view: "list" | "week";
  week?: string;
  neighbourhoods?: { id: string; name: string }[];
  municipalities?: { slug: string; name: string }[];
  municipality?: string;
}

function FilterSelect(props: { id: string; name: string; label: string; empty: string; value: string; options: { value: string; label: string }[] }) {
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select className="utrecht-select utrecht-select--html-select" id={props.id} name={props.name} defaultValue={props.value}>
        <option value="">{props.empty}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * The GET filter form. Field names are the Dutch query parameters of the calendar pages. Only the
 * search box is always shown; the other filters fold away (a plain `<details>`, no JavaScript) so
 * that on a phone the activities start on the first screen. They are open while one is in use.
 */
export function FilterForm(props: FilterFormProps) {
  const { t } = useTranslation();
  const { filters } = props;
  const textClass = "utrecht-textbox utrecht-textbox--html-input";
  const isFiltering = Boolean(props.municipality || filters.neighbourhoodId || filters.category || filters.from || filters.to || filters.age !== undefined);
  return (
    <div className="calendar-filter">
      <form method="get" action={props.path} className="calendar-filter__form" role="search" aria-labelledby="calendar-filter-heading">
        <h2 className="utrecht-heading-2 calendar-filter__heading" id="calendar-filter-heading">
          {t("calendar.filter.heading")}
        </h2>
        {props.view === "week" && <input type="hidden" name="weergave" value="week" />}
        {props.view === "week" && props.week && <input type="hidden" name="week" value={props.week} />}
        <div className="utrecht-form-field calendar-filter__q">
          <label className="utrecht-form-label" htmlFor="filter-q">
            {t("calendar.filter.q")}
          </label>
          <div className="utrecht-form-field-description" id="filter-q-hint">
            {t("calendar.filter.qHint")}
          </div>
          <input className={textClass} type="search" id="filter-q" name="q" defaultValue={filters.q ?? ""} maxLength={200} aria-describedby="filter-q-hint" />
        </div>
        <details className="calendar-filter__more" open={isFiltering}>
          <summary className="calendar-filter__summary">{t("calendar.filter.more")}</summary>
          <div className="calendar-filter__fields">
            {props.municipalities && (
              <FilterSelect
                id="filter-gemeente"
                name="gemeente"
                label={t("calendar.filter.municipality")}
                empty={t("calendar.filter.allMunicipalities")}
                value={props.municipality ?? ""}
                options={props.municipalities.map((m) => ({ value: m.slug, label: m.name }))}
              />
            )}
            {props.neighbourhoods && (
              <FilterSelect
                id="filter-wijk"
                name="wijk"
                label={t("calendar.filter.neighbourhood")}
                empty={t("calendar.filter.allNeighbourhoods")}
                value={filters.neighbourhoodId ?? ""}
                options={props.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
              />
            )}
            <FilterSelect
              id="filter-categorie"
              name="categorie"
              label={t("calendar.filter.category")}
              empty={t("calendar.filter.allCategories")}
              value={filters.category ?? ""}
              options={ACTIVITY_CATEGORIES.map((category) => ({ value: category, label: t(`activityCategory.${category}`) }))}
            />
            {props.view === "list" && (
              <>
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor="filter-van">
                    {t("calendar.filter.from")}
                  </label>
                  <input className={textClass} type="date" id="filter-van" name="van" defaultValue={filters.from ?? ""} />
                </div>
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor="filter-tot">
                    {t("calendar.filter.to")}
                  </label>
                  <input className={textClass} type="date" id="filter-tot" name="tot" defaultValue={filters.to ?? ""} />
                </div>
              </>
            )}
            <div className="utrecht-form-field">
              <label className="utrecht-form-label" htmlFor="filter-leeftijd">
                {t("calendar.filter.age")}
              </label>
              <div className="utrecht-form-field-description" id="filter-leeftijd-hint">
                {t("calendar.filter.ageHint")}
              </div>
              <input
                className={`${textClass} calendar-filter__age`}
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                id="filter-leeftijd"
                name="leeftijd"
                defaultValue={filters.age ?? ""}
                aria-describedby="filter-leeftijd-hint"
              />
            </div>
          </div>
        </details>
        <div className="button-row">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t("calendar.filter.submit")}
          </button>
          <a className="utrecht-link" href={props.view === "week" ? `${props.path}?weergave=week` : props.path}>
            {t("calendar.filter.reset")}
          </a>
        </div>
      </form>
    </div>
  );
}

export interface CalendarBodyProps {
  path: string;
  /** The page's current query string. */
  search: string;
  view: "list" | "week";
  items: CalendarItem[];
  next: string | null;
  week: { id: string; number: number; days: string[]; previous: string | null; next: string; current: string } | null;
  options?: LinkOptions;
}

/** The view switch, then the list with its pager or the week with its navigation. */
export function CalendarBody(props: CalendarBodyProps) {
  const { t, locale } = useTranslation();
  const current = new URLSearchParams(props.search);
  const listHref = calendarHref(props.path, current, { weergave: null, week: null, na: null });
  const weekHref = calendarHref(props.path, current, { weergave: "week", na: null, van: null, tot: null });
  return (
    <>
      <nav className="calendar-views" aria-label={t("calendar.view.label")}>
        <ul>
          <li>
            <a className="utrecht-link" href={listHref} aria-current={props.view === "list" ? "page" : undefined}>
              {t("calendar.view.list")}
            </a>
          </li>
          <li>
            <a className="utrecht-link" href={weekHref} aria-current={props.view === "week" ? "page" : undefined}>
              {t("calendar.view.week")}
            </a>
          </li>
        </ul>
      </nav>
      {props.view === "week" && props.week ? (
        <section aria-labelledby="week-heading">
          <h2 className="utrecht-heading-2" id="week-heading">
            {t("calendar.week.heading", {
              number: props.week.number,
              from: formatInZone(new Date(`${props.week.days[0]}T12:00:00Z`), locale, { day: "numeric", month: "long" }),
              to: formatInZone(new Date(`${props.week.days[6]}T12:00:00Z`), locale, { day: "numeric", month: "long", year: "numeric" }),
            })}
          </h2>
          <WeekNavigation path={props.path} current={current} week={props.week} />
          <WeekGrid days={props.week.days} items={props.items} options={props.options} />
        </section>
      ) : (
        <section aria-label={t("calendar.list.heading")}>
          <ActivityList items={props.items} options={props.options} />
          {(props.next || current.has("na")) && (
            <nav aria-label={t("calendar.list.pagination")}>
              <ul className="calendar-pager">
                {current.has("na") && (
                  <li>
                    <a className="utrecht-link" href={calendarHref(props.path, current, { na: null })}>
                      {t("calendar.list.first")}
                    </a>
                  </li>
                )}
                {props.next && (
                  <li>
                    <a className="utrecht-link" rel="next" href={calendarHref(props.path, current, { na: props.next })}>
                      {t("calendar.list.next")}
                    </a>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </section>
      )}
    </>
  );
}

function WeekNavigation({ path, current, week }: { path: string; current: URLSearchParams; week: NonNullable<CalendarBodyProps["week"]> }) {
  const { t } = useTranslation();
  return (
    <nav className="week-nav" aria-label={t("calendar.week.navigation")}>
      <ul>
        {week.previous && (
          <li>
            <a className="utrecht-link" href={calendarHref(path, current, { weergave: "week", week: week.previous })}>
              {t("calendar.week.previous")}
            </a>
          </li>
        )}
        {week.id !== week.current && (
          <li>
            <a className="utrecht-link" href={calendarHref(path, current, { weergave: "week", week: null })}>
              {t("calendar.week.thisWeek")}
            </a>
          </li>
        )}
        <li>
          <a className="utrecht-link" href={calendarHref(path, current, { weergave: "week", week: week.next })}>
            {t("calendar.week.next")}
          </a>
        </li>
      </ul>
    </nav>
  );
}
