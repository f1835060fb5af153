import { redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { currentObservations, needsGuardianForSharing } from "~/features/practice/handover-reads.server";
import { sharingAnswerInput } from "~/features/practice/handover-schema";
import { answerOwnSharing } from "~/features/practice/handover-writes.server";
import { findOwnPlacement } from "~/features/practice/placement-access.server";
import { municipalityNameOf, placementDetails } from "~/features/practice/placements-reads.server";
import { OwnPracticeTabs } from "~/features/practice/components/practice-tabs";
import { SharedContent } from "~/features/practice/components/shared-content";
import { CONSENT_TEXTS, CURRENT_HANDOVER_SHARING_TEXT, renderConsentText } from "~/features/privacy/consent-texts";
import { ErrorSummary, PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { MessageKey } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import type { Route } from "./+types/own-practice";
import handoverCss from "~/styles/handover.css?url";

/**
 * "Mijn praktijk": the trainee's own placement — its status, the handover meeting, the supervisor
 * and partner organisation, the question whether they agree to share (16 and older), and what
 * was shared. Without a placement the page says what comes next.
 */
const NOTICES = { gedeeld: "handover.own.notice.given", "niet-gedeeld": "handover.own.notice.refused" } as const satisfies Record<string, MessageKey>;

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t, locale } = await getTranslator(request);
  const placement = await findOwnPlacement(user.id);
  const value = new URL(request.url).searchParams.get("melding");
  const notice = value && Object.hasOwn(NOTICES, value) ? NOTICES[value as keyof typeof NOTICES] : null;
  const title = `${t("handover.own.title")} — Buurtkracht`;
  if (!placement) return { title, notice, placement: null };
  const details = await placementDetails(placement);
  const guardianDecides = needsGuardianForSharing(placement.traineeDateOfBirth);
  const asked = placement.status === "proposed" && !placement.sharedAt && !placement.sharingConsentId && !guardianDecides;
  const consentValues = {
    trainee: placement.traineeName,
    partner: placement.partnerName,
    supervisor: details.supervisor?.name ?? "",
    municipality: await municipalityNameOf(placement.municipalityId),
  };
  const textKey = CURRENT_HANDOVER_SHARING_TEXT.self;
  return {
    title,
    notice,
    placement: {
      status: placement.status,
      partnerName: placement.partnerName,
      supervisorName: details.supervisor?.name ?? t("handover.placement.noSupervisor"),
      supervisorEmail: placement.status === "active" ? (details.supervisor?.email ?? null) : null,
      handoverWhen: formatInZone(placement.handoverAt, locale),
      handoverPlace: placement.handoverPlace,
      shared: placement.sharedAt !== null && details.consent?.status !== "withdrawn",
      declineReason: placement.declineReason,
    },
    consentState: ownConsentState(details.consent, guardianDecides, placement.sharedAt !== null && details.consent?.status !== "withdrawn"),
    asked,
    consentText: asked ? { paragraphs: renderConsentText(textKey, locale, consentValues), version: textKey, publishedOn: CONSENT_TEXTS[textKey].publishedOn } : null,
    // Before sharing the trainee sees exactly what would be shared; afterwards what was.
    goals: details.goals.map((g) => ({ id: g.id, description: g.description, status: g.status })),
    observations: placement.sharedAt ? placement.sharedObservations : await currentObservations(placement.enrolmentId),
  };
}

function ownConsentState(consent: { status: string } | null, guardianDecides: boolean, shared: boolean): MessageKey | null {
  if (shared) return "handover.own.consent.shared";
  if (!consent) return guardianDecides ? "handover.own.consent.guardianAsked" : null;
  if (consent.status === "requested") return "handover.own.consent.guardianAsked";
  if (consent.status === "refused") return "handover.own.consent.refused";
  if (consent.status === "withdrawn") return "handover.own.consent.withdrawn";
  return null;
}

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: handoverCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  if (values.intent !== "consent") return invalid({ _form: t("validation.invalid") }, values);
  const parsed = parseInput(sharingAnswerInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await answerOwnSharing(user.id, parsed.data.answer, locale);
  if (result === "guardian") return invalid({ _form: t("handover.own.consent.guardianAsked") }, values);
  if (result === "unchanged") return invalid({ _form: t("handover.own.consent.nothingToAnswer") }, values);
  return redirect(`/mijn-praktijk?melding=${result === "given" ? "gedeeld" : "niet-gedeeld"}`);
}

export default function OwnPractice({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const { placement } = loaderData;
  return (
    <div className="page-narrow handover-page">
      <PageTitle>{t("handover.own.title")}</PageTitle>
      {placement && <OwnPracticeTabs />}
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      <ErrorSummary errors={errors} labels={{ answer: t("handover.own.consent.question") }} />
      {!placement ? (
        <>
          <p className="utrecht-paragraph">{t("handover.own.none")}</p>
          <p className="utrecht-paragraph">{t("handover.own.noneNext")}</p>
        </>
      ) : (
        <>
          <section className="page-section" aria-labelledby="praktijkplaats">
            <h2 className="utrecht-heading-2" id="praktijkplaats">
              {t("handover.own.placement")}
            </h2>
            <dl className="placement-facts">
              <dt>{t("handover.placement.status")}</dt>
              <dd>{t(`handover.ownStatus.${placement.status}` as MessageKey)}</dd>
              <dt>{t("handover.placement.partner")}</dt>
              <dd>{placement.partnerName}</dd>
              <dt>{t("handover.placement.supervisor")}</dt>
              <dd>
                {placement.supervisorName}
                {placement.supervisorEmail && (
                  <>
                    {" · "}
                    <a className="utrecht-link" href={`mailto:${placement.supervisorEmail}`}>
                      {placement.supervisorEmail}
                    </a>
                  </>
                )}
              </dd>
              <dt>{t("handover.placement.meeting")}</dt>
              <dd>{t("handover.placement.meetingWhen", { when: placement.handoverWhen, place: placement.handoverPlace })}</dd>
              {placement.declineReason && (
                <>
                  <dt>{t("handover.placement.declineReason")}</dt>
                  <dd>{placement.declineReason}</dd>
                </>
              )}
            </dl>
            {loaderData.consentState && (
              <Alert type="info">
                <p className="utrecht-paragraph">{t(loaderData.consentState)}</p>
              </Alert>
            )}
          </section>

          {loaderData.asked && loaderData.consentText && (
            <section className="page-section" aria-labelledby="toestemming">
              <h2 className="utrecht-heading-2" id="toestemming">
                {t("handover.own.consent.title")}
              </h2>
              {loaderData.consentText.paragraphs.map((paragraph, index) => (
                // A version's text never changes, so a paragraph's position is a stable key.
                <p className="utrecht-paragraph" key={index}>
                  {paragraph}
                </p>
              ))}
              <p className="utrecht-paragraph form-hint">{t("handover.own.consent.version", { version: loaderData.consentText.version, date: loaderData.consentText.publishedOn })}</p>
            </section>
          )}

          <section className="page-section" aria-labelledby="gedeeld">
            <h2 className="utrecht-heading-2" id="gedeeld">
              {t(placement.shared ? "handover.own.sharedTitle" : "handover.own.toShareTitle")}
            </h2>
            <SharedContent goals={loaderData.goals} observations={loaderData.observations} />
          </section>

          {loaderData.asked && (
            <section className="page-section" aria-labelledby="vraag">
              <h2 className="utrecht-heading-2" id="vraag">
                {t("handover.own.consent.question")}
              </h2>
              <PostForm>
                <input type="hidden" name="intent" value="consent" />
                <div className="button-row">
                  <SubmitButton name="answer" value="give">
                    {t("handover.own.consent.give")}
                  </SubmitButton>
                  <SubmitButton name="answer" value="refuse" appearance="secondary">
                    {t("handover.own.consent.refuse")}
                  </SubmitButton>
                </div>
              </PostForm>
            </section>
          )}
        </>
      )}
    </div>
  );
}
