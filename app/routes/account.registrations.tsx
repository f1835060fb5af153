import { data } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { publicActivityPath } from "~/features/activities/urls";
import { listOwnPhotoConsents, withdrawOwnPhotoConsent, type OwnPhotoConsent } from "~/features/organisers/photo-consent.server";
import { listOwnRegistrations, type OwnRegistration } from "~/features/registrations/reads.server";
import { cancelOwnRegistration } from "~/features/registrations/writes.server";
import { PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle, Section } from "~/components/ui";
import { formToObject, readForm } from "~/lib/forms.server";
import type { Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/account.registrations";

/**
 * "Mijn aanmeldingen": a signed-in person's sign-ups, upcoming and past. Cancelling asks first:
 * the cancel link opens the question (a GET changes nothing), the answer is a POST. A sign-up
 * whose participant was asked for photo consent shows that answer; a given one can be withdrawn
 * here the same way (question, then POST with intent `withdraw_photo_consent`), which deletes
 * every photo the person is on, as the consent link's withdrawal does.
 */
export const handle = { hydrate: false };

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const { upcoming, past } = await listOwnRegistrations(user.id);
  const asking = new URL(request.url).searchParams.get("afmelden");
  const askingWithdrawal = new URL(request.url).searchParams.get("foto-toestemming");
  const consents = await listOwnPhotoConsents(user.id, [...upcoming, ...past].map((r) => r.id));
  const now = new Date();
  return {
    title: `${t("myRegistrations.title")} — Buurtkracht`,
    email: user.email,
    upcoming: upcoming.map((r) => ({ ...view(r), photoConsent: consents.get(r.id) ?? null, canCancel: r.activityStatus === "published" && r.startsAt > now })),
    past: past.map((r) => ({ ...view(r), photoConsent: consents.get(r.id) ?? null, canCancel: false })),
    asking,
    askingWithdrawal,
  };
}

function view(r: OwnRegistration) {
  return {
    id: r.id,
    status: r.status as "confirmed" | "waitlisted",
    position: r.position,
    attended: r.attendance === "attended",
    activityCancelled: r.activityStatus === "cancelled",
    title: r.activityTitle,
    startsAt: r.startsAt,
    location: r.location,
    municipalityName: r.municipalityName,
    path: publicActivityPath(r.municipalitySlug, r.activityId),
  };
}
type RegistrationView = ReturnType<typeof view> & { canCancel: boolean; photoConsent: OwnPhotoConsent | null };

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { locale } = await getTranslator(request);
  const form = formToObject(await readForm(request));
  if (form.intent === "withdraw_photo_consent") {
    const withdrawn = await withdrawOwnPhotoConsent(user.id, typeof form.consentId === "string" ? form.consentId : "");
    if (!withdrawn) return data({ ok: false as const, notFound: "organisers.ownConsent.notFound" as const }, { status: 404 });
    return { ok: true as const, withdrawn: true as const, title: withdrawn.activityTitle };
  }
  const registrationId = typeof form.registrationId === "string" ? form.registrationId : "";
  const result = await cancelOwnRegistration(user.id, registrationId, locale);
  if (!result) return data({ ok: false as const, notFound: "myRegistrations.notFound" as const }, { status: 404 });
  return { ok: true as const, withdrawn: false as const, title: result.activityTitle };
}

export default function MyRegistrations({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const { upcoming, past, asking, askingWithdrawal } = loaderData;
  return (
    <div className="page-narrow">
      <PageTitle>{t("myRegistrations.title")}</PageTitle>
      {actionData?.ok === true && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(actionData.withdrawn ? "organisers.ownConsent.done" : "myRegistrations.cancelled", { title: actionData.title })}</p>
        </Alert>
      )}
      {actionData?.ok === false && (
        <Alert type="error">
          <p className="utrecht-paragraph">{t(actionData.notFound)}</p>
        </Alert>
      )}
      <p className="utrecht-paragraph">{t("myRegistrations.intro", { email: loaderData.email })}</p>
      <Section title={t("myRegistrations.upcoming")}>
        {upcoming.length === 0 ? (
          <>
            <p className="utrecht-paragraph">{t("myRegistrations.noneUpcoming")}</p>
            <p className="utrecht-paragraph page-link">
              <a className="utrecht-link" href="/activiteiten">
                {t("myRegistrations.findActivities")}
              </a>
            </p>
          </>
        ) : (
          <RegistrationList items={upcoming} asking={actionData ? null : asking} askingWithdrawal={actionData ? null : askingWithdrawal} />
        )}
      </Section>
      <Section title={t("myRegistrations.past")}>
        {past.length === 0 ? <p className="utrecht-paragraph">{t("myRegistrations.nonePast")}</p> : <RegistrationList items={past} asking={null} askingWithdrawal={actionData ? null : askingWithdrawal} />}
      </Section>
    </div>
  );
}

function statusText(item: RegistrationView, t: Translate): string {
  if (item.activityCancelled) return t("myRegistrations.status.activityCancelled");
  if (item.attended) return t("myRegistrations.attended");
  if (item.status === "waitlisted") return t("myRegistrations.status.waitlisted", { position: item.position ?? 1 });
  return t("myRegistrations.status.confirmed");
}

function PhotoConsentLine({ item, asking }: { item: RegistrationView; asking: boolean }) {
  const { t } = useTranslation();
  const consent = item.photoConsent;
  if (!consent) return null;
  const state =
    consent.status === "given"
      ? t(consent.photoScope === "public" ? "organisers.ownConsent.givenPublic" : "organisers.ownConsent.givenInternal")
      : t(`organisers.ownConsent.${consent.status}`);
  return (
    <div className="my-registrations__photos">
      <p className="utrecht-paragraph">
        {t("organisers.ownConsent.label")}: {state}
      </p>
      {consent.status === "given" && !asking && (
        <p className="utrecht-paragraph">
          <a className="utrecht-link" href={`/account/aanmeldingen?foto-toestemming=${consent.id}#aanmelding-${item.id}`}>
            {t("organisers.ownConsent.withdraw")}
            <span className="visually-hidden"> ({item.title})</span>
          </a>
        </p>
      )}
      {consent.status === "given" && asking && (
        <div className="my-registrations__confirm" role="group" aria-labelledby={`foto-vraag-${item.id}`}>
          <p className="utrecht-paragraph" id={`foto-vraag-${item.id}`}>
            {t("organisers.ownConsent.question", { title: item.title })}
          </p>
          <PostForm action="/account/aanmeldingen">
            <input type="hidden" name="intent" value="withdraw_photo_consent" />
            <input type="hidden" name="consentId" value={consent.id} />
            <div className="button-row">
              <SubmitButton>{t("organisers.ownConsent.submit")}</SubmitButton>
              <a className="utrecht-link" href={`/account/aanmeldingen#aanmelding-${item.id}`}>
                {t("organisers.ownConsent.keep")}
              </a>
            </div>
          </PostForm>
        </div>
      )}
    </div>
  );
}

function RegistrationList({ items, asking, askingWithdrawal }: { items: RegistrationView[]; asking: string | null; askingWithdrawal: string | null }) {
  const { t, locale } = useTranslation();
  return (
    <ul className="my-registrations">
      {items.map((item) => {
        const when = formatInZone(item.startsAt, locale);
        return (
          <li key={item.id} id={`aanmelding-${item.id}`} className="my-registrations__item">
            <h3 className="utrecht-heading-3">
              <a className="utrecht-link" href={item.path}>
                {item.title}
              </a>
            </h3>
            <p className="utrecht-paragraph">
              {when}
              <br />
              {item.location}, {item.municipalityName}
              <br />
              <strong>{statusText(item, t)}</strong>
            </p>
            <PhotoConsentLine item={item} asking={item.photoConsent !== null && askingWithdrawal === item.photoConsent.id} />
            {item.canCancel &&
              (asking === item.id ? (
                <div className="my-registrations__confirm" role="group" aria-labelledby={`vraag-${item.id}`}>
                  <p className="utrecht-paragraph" id={`vraag-${item.id}`}>
                    {t("myRegistrations.confirm.question", { title: item.title, when })}{" "}
                    {t(item.status === "waitlisted" ? "myRegistrations.confirm.waitlistNote" : "myRegistrations.confirm.placeNote")}
                  </p>
                  <PostForm action="/account/aanmeldingen">
                    <input type="hidden" name="registrationId" value={item.id} />
                    <div className="button-row">
                      <SubmitButton>{t("myRegistrations.confirm.submit")}</SubmitButton>
                      <a className="utrecht-link" href={`/account/aanmeldingen#aanmelding-${item.id}`}>
                        {t("myRegistrations.confirm.keep")}
                      </a>
                    </div>
                  </PostForm>
                </div>
              ) : (
                <p className="utrecht-paragraph">
                  <a className="utrecht-link" href={`/account/aanmeldingen?afmelden=${item.id}#aanmelding-${item.id}`} aria-label={t("myRegistrations.cancelFor", { title: item.title })}>
                    {t("myRegistrations.cancel")}
                  </a>
                </p>
              ))}
          </li>
        );
      })}
    </ul>
  );
}
