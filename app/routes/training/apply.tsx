import { data } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound, openPublicMunicipality } from "~/features/authorization/gate.server";
import { PENDING_APPLICATION_DAYS } from "~/features/training/applications-emails.server";
import { findCohortOpenForApplications, listNeighbourhoods } from "~/features/training/applications-reads.server";
import { applicationInput } from "~/features/training/applications-schema";
import { submitApplication } from "~/features/training/applications-writes.server";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField, type FormErrors } from "~/components/form";
import { MunicipalityBanner, municipalityThemeStyle } from "~/components/municipality-theme";
import { HEARD_VIA } from "~/lib/db/schema";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { clientAddress, consumeRateLimit } from "~/lib/rate-limit.server";
import { formatInZone } from "~/lib/time";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/apply";

/**
 * A resident applies for a course group: the public form of a published cohort within its
 * application period. Works without JavaScript; the answer never says whether the address had
 * applied before (the mail to the address does).
 */
export const handle = { hydrate: false };

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

/** Applications per client address per hour: each sends a mail to a typed-in address. */
const APPLICATIONS_PER_ADDRESS_PER_HOUR = 20;

async function loadCohort(slug: string, cohortId: string) {
  const municipality = await openPublicMunicipality(slug);
  const cohort = await findCohortOpenForApplications(municipality.id, cohortId);
  if (!cohort) throw notFound();
  return { municipality, cohort };
}

function startsOnText(startsOn: string, locale: string) {
  return formatInZone(new Date(`${startsOn}T12:00:00Z`), locale, { dateStyle: "long" });
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, cohort } = await loadCohort(params.slug, params.cohortId);
  const { t, locale } = await getTranslator(request);
  const theme = { slug: municipality.slug, name: municipality.name, themeColour: municipality.themeColour, logoPath: municipality.logoPath };
  return {
    municipality: theme,
    municipalityTheme: theme,
    cohort: {
      id: cohort.id,
      name: cohort.name,
      location: cohort.location,
      trackName: cohort.trackName,
      trackDescription: cohort.trackDescription,
      startsOn: startsOnText(cohort.startsOn, locale),
      minAge: cohort.minAge,
      maxAge: cohort.maxAge,
      guardianAge: cohort.guardianConsentBelowAge,
    },
    neighbourhoods: await listNeighbourhoods(municipality.id),
    days: PENDING_APPLICATION_DAYS,
    title: t("apply.title", { track: cohort.trackName }),
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: `${loaderData?.title ?? "Buurtkracht"} — Buurtkracht` }];

type ActionResult = { ok: true; email: string } | { ok: false; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const { cohort } = await loadCohort(params.slug, params.cohortId);
  const [{ locale, t }, form] = await Promise.all([getTranslator(request), readForm(request).then(formToObject)]);
  const email = typeof form.email === "string" ? form.email.trim() : "";
  // The honeypot field is invisible to people; a bot gets the usual answer and nothing is written.
  if (typeof form.website === "string" && form.website !== "") return { ok: true, email } satisfies ActionResult;
  const parsed = parseInput(applicationInput, form, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, form);
  if (!(await consumeRateLimit(`application:address:${clientAddress(request)}`, APPLICATIONS_PER_ADDRESS_PER_HOUR, 3600))) {
    return data({ ok: false, errors: { _form: t("apply.rateLimited") }, values: {} } satisfies ActionResult, { status: 429 });
  }
  const result = await submitApplication(cohort, parsed.data, locale);
  if (!result.ok) {
    const startsOn = startsOnText(cohort.startsOn, locale);
    const message = t(`apply.error.${result.reason}`, {
      startsOn,
      min: cohort.minAge,
      max: cohort.maxAge ?? "",
      age: cohort.guardianConsentBelowAge,
    });
    // The age rule is about the person, not the form: refused with 422 and nothing written.
    return data({ ok: false, errors: { [result.field]: message }, values: redisplay(form) } satisfies ActionResult, {
      status: result.reason === "too_young" || result.reason === "too_old" ? 422 : 400,
    });
  }
  return { ok: true, email: parsed.data.email } satisfies ActionResult;
}

function redisplay(form: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(form)) if (typeof value === "string") out[key] = value.slice(0, 2000);
  return out;
}

export default function ApplyPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { cohort, municipality } = loaderData;
  const result = actionData as ActionResult | undefined;
  const errors: FormErrors = result?.ok === false ? result.errors : undefined;
  const values = result?.ok === false ? result.values : undefined;
  const labels = {
    name: t("apply.name"),
    email: t("apply.email"),
    dateOfBirth: t("apply.dateOfBirth"),
    neighbourhoodId: t("apply.neighbourhood"),
    motivation: t("apply.motivation"),
    talents: t("apply.talents"),
    interests: t("apply.interests"),
    availability: t("apply.availability"),
    heardVia: t("apply.heardVia"),
    guardianName: t("apply.guardianName"),
    guardianEmail: t("apply.guardianEmail"),
  };
  return (
    <div style={municipalityThemeStyle(municipality.themeColour)}>
      <MunicipalityBanner municipality={municipality} />
      <div className="page-narrow">
        <h1 className="utrecht-heading-1">{loaderData.title}</h1>
        {result?.ok ? (
          <div role="status">
            <h2 className="utrecht-heading-2">{t("apply.received.title")}</h2>
            <p className="utrecht-paragraph">{t("apply.received.body", { email: result.email })}</p>
            <p className="utrecht-paragraph">{t("apply.received.spam")}</p>
          </div>
        ) : (
          <>
            {cohort.trackDescription && <p className="utrecht-paragraph">{cohort.trackDescription}</p>}
            <p className="utrecht-paragraph">{t("apply.cohort", { cohort: cohort.name, location: cohort.location, startsOn: cohort.startsOn })}</p>
            <p className="utrecht-paragraph">
              {cohort.maxAge === null
                ? t("apply.forWhomFrom", { min: cohort.minAge })
                : t("apply.forWhom", { min: cohort.minAge, max: cohort.maxAge })}
            </p>
            {cohort.guardianAge > cohort.minAge && <p className="utrecht-paragraph">{t("apply.guardianRule", { age: cohort.guardianAge })}</p>}
            <h2 className="utrecht-heading-2">{t("apply.privacy.heading")}</h2>
            <p className="utrecht-paragraph">{t("apply.privacy.body", { municipality: municipality.name, days: loaderData.days })}</p>
            <PostForm action={`/${municipality.slug}/cursus/${cohort.id}/aanmelden`}>
              <ErrorSummary errors={errors} labels={labels} />
              <TextField name="name" label={labels.name} required errors={errors} defaultValue={values?.name} autoComplete="name" maxLength={100} />
              <TextField name="email" type="email" label={labels.email} required errors={errors} defaultValue={values?.email} autoComplete="email" maxLength={254} />
              <TextField name="dateOfBirth" type="date" label={labels.dateOfBirth} required errors={errors} defaultValue={values?.dateOfBirth} autoComplete="bday" />
              <SelectField
                name="neighbourhoodId"
                label={labels.neighbourhoodId}
                errors={errors}
                includeEmpty={t("apply.neighbourhoodNone")}
                defaultValue={values?.neighbourhoodId}
                options={loaderData.neighbourhoods.map((n) => ({ value: n.id, label: n.name }))}
              />
              <TextAreaField name="motivation" label={labels.motivation} required errors={errors} defaultValue={values?.motivation} maxLength={2000} />
              <TextAreaField name="talents" label={labels.talents} errors={errors} defaultValue={values?.talents} rows={3} maxLength={1000} />
              <TextAreaField name="interests" label={labels.interests} errors={errors} defaultValue={values?.interests} rows={3} maxLength={1000} />
              <TextAreaField
                name="availability"
                label={labels.availability}
                description={t("apply.availabilityHint")}
                errors={errors}
                defaultValue={values?.availability}
                rows={2}
                maxLength={500}
              />
              <SelectField
                name="heardVia"
                label={labels.heardVia}
                errors={errors}
                includeEmpty={t("apply.heardViaNone")}
                defaultValue={values?.heardVia}
                options={HEARD_VIA.map((value) => ({ value, label: t(`heardVia.${value}`) }))}
              />
              {cohort.guardianAge > cohort.minAge && (
                <>
                  <h2 className="utrecht-heading-2">{t("apply.guardian.heading")}</h2>
                  <p className="utrecht-paragraph form-hint">{t("apply.guardian.hint", { age: cohort.guardianAge })}</p>
                  <TextField name="guardianName" label={labels.guardianName} errors={errors} defaultValue={values?.guardianName} maxLength={100} />
                  <TextField name="guardianEmail" type="email" label={labels.guardianEmail} errors={errors} defaultValue={values?.guardianEmail} maxLength={254} />
                </>
              )}
              <div className="honeypot" aria-hidden="true">
                <label htmlFor="field-website">{t("activity.register.honeypot")}</label>
                <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
              </div>
              <div className="button-row">
                <SubmitButton>{t("apply.submit")}</SubmitButton>
              </div>
            </PostForm>
          </>
        )}
      </div>
    </div>
  );
}
