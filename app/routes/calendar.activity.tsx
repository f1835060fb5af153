import { PublicActivityPhotos } from "~/features/organisers/components/evaluation-summary";
import { listPublicActivityPhotos } from "~/features/organisers/evaluation-reads.server";
import { publicActivityPhotoPath } from "~/features/organisers/urls";
import { data } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { getCurrentUser } from "~/features/accounts/session.server";
import { publicActivityPath } from "~/features/activities/urls";
import { notFound, openPublicMunicipality } from "~/features/authorization/gate.server";
import { availabilityOf } from "~/features/calendar/availability";
import { ageRangeText, availabilityText } from "~/features/calendar/calendar-view";
import { mayAttemptRegistration } from "~/features/calendar/rate-limits.server";
import { ageGroupCookie, rememberedAgeGroup } from "~/features/calendar/age-group-cookie.server";
import { findPublicActivityPage } from "~/features/calendar/reads.server";
import { activityEvent, qrCodeSvg, serialiseJsonLd } from "~/features/calendar/sharing.server";
import { fittingAgeGroups } from "~/features/registrations/policy";
import { findOwnRegistration } from "~/features/registrations/reads.server";
import { registrationInput, signedInRegistrationInput } from "~/features/registrations/schema";
import { RegistrationError, registerForActivity } from "~/features/registrations/writes.server";
import { chooseReferralCode, isInviteCodeShape, referralCodeFromCookie } from "~/features/recruitment/policy";
import { referralCookieFromQuery } from "~/features/recruitment/visit.server";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextField, type FormErrors } from "~/components/form";
import { MunicipalityBanner, municipalityThemeStyle } from "~/components/municipality-theme";
import { Alert } from "~/components/ui";
import type { AgeGroup } from "~/lib/db/schema";
import { baseUrl } from "~/lib/env.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import calendarCss from "~/styles/calendar.css?url";
import type { Route } from "./+types/calendar.activity";
import { publicPageHeaders } from "~/lib/http.server";
import { metaDescription } from "~/lib/meta-description";

export const handle = { hydrate: false };
export const headers = publicPageHeaders;

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: calendarCss }];

async function loadActivity(slug: string, id: string) {
  const municipality = await openPublicMunicipality(slug);
  const activity = await findPublicActivityPage(municipality.id, id);
  if (!activity) throw notFound();
  return { municipality, activity };
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { municipality, activity } = await loadActivity(params.slug, params.id);
  const [{ t, locale }, user] = await Promise.all([getTranslator(request), getCurrentUser(request)]);
  const pageUrl = baseUrl + publicActivityPath(municipality.slug, activity.id);
  const imageUrl = activity.imagePath ? `${baseUrl}/uploads/${encodeURIComponent(activity.imagePath)}` : null;
  const qrSvg = await qrCodeSvg(pageUrl);
  const when = formatInZone(activity.startsAt, locale);
  const theme = { slug: municipality.slug, name: municipality.name, themeColour: municipality.themeColour, logoPath: municipality.logoPath };
  const isCancelled = activity.status === "cancelled";
  // ?ref=<code> (a flyer's QR code): the form carries it, and the visit remembers it for later sign-ups.
  const ref = new URL(request.url).searchParams.get("ref");
  const referral = isInviteCodeShape(ref) ? await referralCookieFromQuery(request, ref, municipality.id) : null;
  const loaded = {
    municipality: theme,
    municipalityTheme: theme,
    activity: {
      id: activity.id,
      title: activity.title,
      description: activity.description,
      category: activity.category,
      location: activity.location,
      neighbourhoodName: activity.neighbourhoodName,
      organiserName: activity.organiserName,
      startsAt: activity.startsAt,
      starts: activity.starts,
      ends: activity.ends,
      minAge: activity.minAge,
      maxAge: activity.maxAge,
      capacity: activity.capacity,
      confirmedCount: activity.confirmedCount,
      waitlistEnabled: activity.waitlistEnabled,
      registrationRequired: activity.registrationRequired,
    },
    isPast: activity.endsAt <= new Date(),
    photos: (await listPublicActivityPhotos(municipality.id, activity.id)).map((photo) => ({ ...photo, src: publicActivityPhotoPath(municipality.slug, activity.id, photo.id) })),
    isCancelled,
    isOpen: activity.status === "published" && activity.registrationRequired && activity.startsAt > new Date(),
    ageGroups: fittingAgeGroups(activity),
    ownRegistration: user ? await findOwnRegistration(user.id, activity.id) : null,
    pageUrl,
    imageUrl,
    qrSvg,
    jsonLd: serialiseJsonLd(activityEvent(activity, { page: pageUrl, image: imageUrl })),
    shareMail: `mailto:?subject=${encodeURIComponent(activity.title)}&body=${encodeURIComponent(
      t("activity.share.emailBody", { title: activity.title, when, url: pageUrl }),
    )}`,
    metaTitle: t("activity.meta.title", { title: activity.title, municipality: municipality.name }),
    // When and where first: that is what someone choosing from search results needs.
    metaDescription: metaDescription(`${when}, ${activity.location}. ${activity.description}`),
    ogLocale: locale === "en" ? "en_GB" : "nl_NL",
    user: user ? { name: user.name, email: user.email } : null,
    lastAgeGroup: user ? rememberedAgeGroup(request) : null,
    referralCode: referral?.code ?? null,
  };
  return referral ? data(loaded, { headers: { "Set-Cookie": referral.cookie } }) : loaded;
}

export const meta: Route.MetaFunction = ({ loaderData }) => {
  if (!loaderData) return [{ title: "Buurtkracht" }];
  const tags = [
    { title: `${loaderData.metaTitle} — Buurtkracht` },
    { name: "description", content: loaderData.metaDescription },
    { property: "og:type", content: "website" },
    { property: "og:site_name", content: "Buurtkracht" },
    { property: "og:title", content: loaderData.activity.title },
    { property: "og:description", content: loaderData.metaDescription },
    { property: "og:url", content: loaderData.pageUrl },
    { property: "og:locale", content: loaderData.ogLocale },
    { name: "twitter:card", content: loaderData.imageUrl ? "summary_large_image" : "summary" },
    { tagName: "link", rel: "canonical", href: loaderData.pageUrl },
  ];
  if (loaderData.imageUrl) tags.push({ property: "og:image", content: loaderData.imageUrl });
  return tags;
};

type ActionResult =
  /** Anonymous: the same answer whether or not the address was signed up already; the mail says which. */
  | { ok: true; kind: "received"; email: string }
  /** Signed in: the page shows the person's own registration from the loader. */
  | { ok: true; kind: "signedIn" }
  | { ok: false; errors: Record<string, string>; values: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const { activity } = await loadActivity(params.slug, params.id);
  const [{ locale, t }, user, form] = await Promise.all([getTranslator(request), getCurrentUser(request), readForm(request).then(formToObject)]);
  // The honeypot field is invisible to people; a filled one is a bot, which gets the usual answer
  // (so it learns nothing) while nothing is written.
  if (typeof form.website === "string" && form.website !== "") {
    return { ok: true, kind: "received", email: typeof form.email === "string" ? form.email.trim() : "" } satisfies ActionResult;
  }
  let person: { name: string; email: string; ageGroup: AgeGroup };
  if (user) {
    const parsed = parseInput(signedInRegistrationInput, { ageGroup: form.ageGroup }, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, form);
    person = { name: user.name, email: user.email, ageGroup: parsed.data.ageGroup };
  } else {
    const parsed = parseInput(registrationInput, { name: form.name, email: form.email, ageGroup: form.ageGroup }, locale, t);
    if (!parsed.ok) return invalid(parsed.errors, form);
    person = parsed.data;
  }
  const values = { name: person.name, email: person.email, ageGroup: person.ageGroup };
  const refused = (code: RegistrationError["code"]) =>
    data({ ok: false, errors: { _form: t(`activity.register.error.${code}`) }, values } satisfies ActionResult, {
      status: code === "not_found" ? 404 : 409,
    });
  if (!(await mayAttemptRegistration(request, activity.id, person.email))) {
    return data({ ok: false, errors: { _form: t("activity.register.rateLimited") }, values } satisfies ActionResult, { status: 429 });
  }
  try {
    const referralCode = chooseReferralCode(form.ref, referralCodeFromCookie(request.headers.get("cookie")));
    const result = await registerForActivity({ activityId: activity.id, ...person, userId: user?.id ?? null, locale, referralCode });
    if (user) return data({ ok: true, kind: "signedIn" } satisfies ActionResult, { headers: { "Set-Cookie": ageGroupCookie(person.ageGroup) } });
    // A repeat sign-up for a full activity without a waitlist is refused like a new one would be.
    if (result.answer === "full") return refused("full");
    return { ok: true, kind: "received", email: person.email } satisfies ActionResult;
  } catch (error) {
    if (!(error instanceof RegistrationError)) throw error;
    if (error.code === "age_group") {
      return invalid({ ageGroup: t("activity.register.error.age_group", { ages: ageRangeText(activity, t) }) }, form);
    }
    return refused(error.code);
  }
}

export default function ActivityPage({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { activity, municipality } = loaderData;
  const result = actionData as ActionResult | undefined;
  const availability = availabilityOf(activity);
  const place = activity.neighbourhoodName ? `${activity.location} (${activity.neighbourhoodName})` : activity.location;
  return (
    <div style={municipalityThemeStyle(municipality.themeColour)}>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: loaderData.jsonLd }} />
      <MunicipalityBanner municipality={municipality} />
      <p className="utrecht-paragraph page-link">
        <a className="utrecht-link" href={`/${municipality.slug}/activiteiten`}>
          {t("activity.backToCalendar")}
        </a>
      </p>
      <div className="activity-page">
        <article>
          <h1 className="utrecht-heading-1">{activity.title}</h1>
          {loaderData.isCancelled ? (
            <Alert type="warning">
              <p className="utrecht-paragraph">
                <strong>{t("activity.cancelled.notice")}</strong>
              </p>
            </Alert>
          ) : (
            loaderData.isPast && <p className="utrecht-paragraph">{t("activity.past")}</p>
          )}
          {loaderData.imageUrl && <img className="activity-page__image" src={loaderData.imageUrl} alt="" width={800} height={450} />}
          <dl className="activity-facts">
            <dt>{t("activity.when")}</dt>
            <dd>
              <time dateTime={activity.starts.iso}>{formatInZone(activity.startsAt, locale)}</time>
              {" \u2013 "}
              <time dateTime={activity.ends.iso}>{activity.starts.date === activity.ends.date ? activity.ends.time : formatInZone(new Date(activity.ends.iso), locale)}</time>
            </dd>
            <dt>{t("activity.where")}</dt>
            <dd>{place}</dd>
            <dt>{t("activity.category")}</dt>
            <dd>{t(`activityCategory.${activity.category}`)}</dd>
            <dt>{t("activity.ages")}</dt>
            <dd>{ageRangeText(activity, t)}</dd>
            <dt>{t("activity.organiser")}</dt>
            <dd>{activity.organiserName}</dd>
            <dt>{t("activity.places")}</dt>
            <dd>{availabilityText(availability, t)}</dd>
          </dl>
          <p className="utrecht-paragraph page-link">
            <a className="utrecht-link" href={`/${municipality.slug}/activiteiten/${activity.id}/agenda.ics`} download>
              {t("activity.addToCalendar")}
            </a>
          </p>
          {activity.description && (
            <>
              <h2 className="utrecht-heading-2">{t("activity.description")}</h2>
              <p className="utrecht-paragraph activity-description">{activity.description}</p>
            </>
          )}
          <PublicActivityPhotos photos={loaderData.photos} />
        </article>
        <div>
          <section className="activity-register" id="aanmelden" aria-labelledby="register-heading">
            {result?.ok && result.kind === "received" ? (
              <div role="status">
                <h2 className="utrecht-heading-2" id="register-heading">
                  {t("activity.register.received.title")}
                </h2>
                <p className="utrecht-paragraph">{t("activity.register.received.body", { title: activity.title, email: result.email })}</p>
                <p className="utrecht-paragraph">{t("activity.register.received.spam")}</p>
              </div>
            ) : loaderData.ownRegistration ? (
              <div role="status">
                <h2 className="utrecht-heading-2" id="register-heading">
                  {t(loaderData.ownRegistration.status === "confirmed" ? "activity.signedUp.confirmed.title" : "activity.signedUp.waitlisted.title")}
                </h2>
                <p className="utrecht-paragraph">
                  {loaderData.ownRegistration.status === "confirmed"
                    ? t("activity.signedUp.confirmed.body")
                    : t("activity.signedUp.waitlisted.body", { position: loaderData.ownRegistration.position ?? 1 })}
                </p>
                <p className="utrecht-paragraph page-link">
                  <a className="utrecht-link" href="/account/aanmeldingen">
                    {t("activity.signedUp.manage")}
                  </a>
                </p>
              </div>
            ) : (
              <>
                <h2 className="utrecht-heading-2" id="register-heading">
                  {t("activity.register.heading")}
                </h2>
                {loaderData.isCancelled ? (
                  <p className="utrecht-paragraph">{t("activity.register.cancelled")}</p>
                ) : !activity.registrationRequired ? (
                  <p className="utrecht-paragraph">{t("activity.register.notNeeded")}</p>
                ) : !loaderData.isOpen ? (
                  <p className="utrecht-paragraph">{t("activity.register.closed")}</p>
                ) : availability.kind === "full" ? (
                  <p className="utrecht-paragraph">{t("activity.register.fullNoWaitlist")}</p>
                ) : (
                  <RegistrationForm
                    action={`/${municipality.slug}/activiteiten/${activity.id}#aanmelden`}
                    errors={result?.ok === false ? result.errors : undefined}
                    values={result?.ok === false ? result.values : undefined}
                    user={loaderData.user}
                    lastAgeGroup={loaderData.lastAgeGroup}
                    waitlist={availability.kind === "waitlist"}
                    ageGroups={loaderData.ageGroups}
                    referralCode={loaderData.referralCode}
                    ageHint={activity.minAge !== null || activity.maxAge !== null ? t("activity.register.ageGroupsHint", { ages: ageRangeText(activity, t) }) : undefined}
                  />
                )}
              </>
            )}
          </section>
          <section aria-labelledby="share-heading">
            <h2 className="utrecht-heading-2" id="share-heading">
              {t("activity.share.heading")}
            </h2>
            <p className="utrecht-paragraph">
              {t("activity.share.link")}{" "}
              <a className="utrecht-link share-url" href={loaderData.pageUrl}>
                {loaderData.pageUrl}
              </a>
            </p>
            <p className="utrecht-paragraph page-link">
              <a className="utrecht-link" href={loaderData.shareMail}>
                {t("activity.share.email")}
              </a>
            </p>
            <figure className="activity-qr">
              <div
                className="activity-qr__code"
                role="img"
                aria-label={t("activity.qr.alt", { url: loaderData.pageUrl })}
                dangerouslySetInnerHTML={{ __html: loaderData.qrSvg }}
              />
              <figcaption className="utrecht-paragraph">{t("activity.qr.caption")}</figcaption>
            </figure>
          </section>
        </div>
      </div>
    </div>
  );
}

function RegistrationForm(props: {
  /** The page itself, scrolled to the sign-up section, so the answer is in view on a phone. */
  action: string;
  errors: FormErrors;
  values?: Record<string, string>;
  user: { name: string; email: string } | null;
  lastAgeGroup: AgeGroup | null;
  waitlist: boolean;
  /** Only the age groups the activity takes (ADR 015). */
  ageGroups: readonly AgeGroup[];
  ageHint?: string;
  /** The invite code from the page's ?ref=, sent along so the sign-up counts also without cookies. */
  referralCode: string | null;
}) {
  const { t } = useTranslation();
  const { errors, values, user } = props;
  return (
    <PostForm action={props.action}>
      {props.referralCode && <input type="hidden" name="ref" value={props.referralCode} />}
      <ErrorSummary errors={errors} labels={{ name: t("activity.register.name"), email: t("activity.register.email"), ageGroup: t("activity.register.ageGroup") }} />
      {props.waitlist && <p className="utrecht-paragraph">{t("activity.register.waitlistNote")}</p>}
      {user ? (
        <p className="utrecht-paragraph">{t("activity.register.asUser", { name: user.name, email: user.email })}</p>
      ) : (
        <>
          <TextField name="name" label={t("activity.register.name")} required errors={errors} defaultValue={values?.name} autoComplete="name" maxLength={100} />
          <TextField
            name="email"
            type="email"
            label={t("activity.register.email")}
            description={t("activity.register.emailHint")}
            required
            errors={errors}
            defaultValue={values?.email}
            autoComplete="email"
            maxLength={254}
          />
        </>
      )}
      <SelectField
        name="ageGroup"
        label={t("activity.register.ageGroup")}
        description={props.ageHint}
        required
        errors={errors}
        includeEmpty={t("activity.register.chooseAgeGroup")}
        defaultValue={values?.ageGroup ?? (props.lastAgeGroup && props.ageGroups.includes(props.lastAgeGroup) ? props.lastAgeGroup : null)}
        options={props.ageGroups.map((group) => ({ value: group, label: t(`ageGroup.${group}`) }))}
      />
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">{t("activity.register.honeypot")}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <p className="utrecht-paragraph">{t("activity.register.privacy")}</p>
      <div className="button-row">
        <SubmitButton>{t(props.waitlist ? "activity.register.submitWaitlist" : "activity.register.submit")}</SubmitButton>
      </div>
    </PostForm>
  );
}
