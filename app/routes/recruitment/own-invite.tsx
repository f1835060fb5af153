import { data, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { requireUser } from "~/features/accounts/session.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { OWN_ORGANISING_PATHS, ownActivityPath } from "~/features/organisers/urls";
import { CopyField } from "~/features/recruitment/components/copy-field";
import { loadInviteCards, ownersOf } from "~/features/recruitment/invite-cards.server";
import { findInviterRoles, listFlyerActivities } from "~/features/recruitment/reads.server";
import { replaceLinkInput } from "~/features/recruitment/schema";
import { replaceInviteLink } from "~/features/recruitment/writes.server";
import { ErrorSummary, PostForm, SubmitButton } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone } from "~/lib/time";
import inviteCss from "~/styles/recruitment.css?url";
import type { Route } from "./+types/own-invite";

/**
 * "Uitnodigen": a Citytrainer's and each of their teams' invite link, with its QR code, a way to
 * replace it, and how many people came through it — counts only, never who (ADR 032).
 */
export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: inviteCss }];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const [{ cards }, flyers] = await Promise.all([loadInviteCards(user.id), listFlyerActivities(user.id)]);
  return {
    flyers: cards.length === 0 ? [] : flyers.map((activity) => ({ title: activity.title, startsAt: activity.startsAt.toISOString(), path: ownActivityPath(activity.id, "flyer.pdf") })),
    title: `${t("recruitment.title")} — Buurtkracht`,
    replaced: new URL(request.url).searchParams.get("melding") === "vervangen",
    cards: cards.map((card) => ({
      ...card,
      qrDownloadPath: `${OWN_ORGANISING_PATHS.invite}/qr/${encodeURIComponent(card.code)}`,
      figures: { ...card.figures, perActivity: card.figures.perActivity.map((row) => ({ ...row, startsAt: row.startsAt.toISOString() })) },
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  const parsed = replaceLinkInput.safeParse(formToObject(await readForm(request)));
  const refused = () => data({ errors: { _form: t("recruitment.error.notYours") } }, { status: 404 });
  if (!parsed.success) return data({ errors: { _form: t("validation.invalid") } }, { status: 400 });
  const roles = await findInviterRoles(user.id);
  const owner = ownersOf(user.id, roles).find((candidate) => candidate.ownerKey === parsed.data.owner);
  if (!owner) return refused();
  const result = await replaceInviteLink(roles, owner.owner);
  if (!result.ok) return refused();
  return redirect(`${OWN_ORGANISING_PATHS.invite}?melding=vervangen`);
}

export default function OwnInvite({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const errors = (actionData as { errors?: Record<string, string> } | undefined)?.errors;
  return (
    <>
      <OrganiserTabs />
      <PageTitle>{t("recruitment.own.title")}</PageTitle>
      {loaderData.replaced && (
        <Alert type="ok">
          <p className="utrecht-paragraph" role="status">
            {t("recruitment.own.replaced")}
          </p>
        </Alert>
      )}
      <ErrorSummary errors={errors} labels={{}} />
      {loaderData.cards.length === 0 ? (
        <>
          <p className="utrecht-paragraph">{t("recruitment.own.none")}</p>
          <p className="utrecht-paragraph">{t("recruitment.own.noneHow")}</p>
        </>
      ) : (
        <p className="utrecht-paragraph">{t("recruitment.own.intro")}</p>
      )}
      {loaderData.cards.map((card) => {
        const headingId = `link-${card.code}`;
        return (
          <section key={card.ownerKey} className="invite-card" aria-labelledby={headingId}>
            <h2 className="utrecht-heading-2" id={headingId}>
              {card.kind === "person" ? t("recruitment.own.personal", { municipality: card.name }) : t("recruitment.own.team", { team: card.name })}
            </h2>
            <CopyField id={`url-${card.code}`} label={t("recruitment.own.linkLabel")} value={card.url} copyLabel={t("recruitment.own.copy")} copiedLabel={t("recruitment.own.copied")} />
            <figure className="invite-card__qr">
              <div role="img" aria-label={t("recruitment.own.qrAlt", { url: card.url })} dangerouslySetInnerHTML={{ __html: card.qrSvg }} />
              <figcaption className="utrecht-paragraph">
                <a className="utrecht-link" href={card.qrDownloadPath} download>
                  {t("recruitment.own.downloadQr")}
                </a>
              </figcaption>
            </figure>
            <h3 className="utrecht-heading-3">{t("recruitment.own.figures")}</h3>
            <dl className="invite-card__figures">
              <div>
                <dt>{t("recruitment.own.recruited")}</dt>
                <dd data-testid={`recruited-${card.ownerKey}`}>{card.figures.recruited}</dd>
              </div>
              <div>
                <dt>{t("recruitment.own.newToPlatform")}</dt>
                <dd data-testid={`new-${card.ownerKey}`}>{card.figures.newToPlatform}</dd>
              </div>
            </dl>
            {card.figures.perActivity.length > 0 && (
              <>
                <h4 className="utrecht-heading-4">{t("recruitment.own.perActivity")}</h4>
                <ul className="utrecht-unordered-list invite-card__activities">
                  {card.figures.perActivity.map((row) => (
                    <li key={row.activityId}>
                      <strong>{row.title}</strong>
                      <br />
                      <time dateTime={row.startsAt}>{formatInZone(new Date(row.startsAt), locale)}</time>
                      <br />
                      {t("recruitment.own.recruited")}: {row.recruited} · {t("recruitment.own.newToPlatform")}: {row.newToPlatform}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <PostForm>
              <input type="hidden" name="intent" value="replace" />
              <input type="hidden" name="owner" value={card.ownerKey} />
              <p className="utrecht-paragraph">{t("recruitment.own.replaceHint")}</p>
              <SubmitButton appearance="secondary">{t("recruitment.own.replace")}</SubmitButton>
            </PostForm>
          </section>
        );
      })}
      {loaderData.flyers.length > 0 && (
        <section className="invite-card" aria-labelledby="flyers">
          <h2 className="utrecht-heading-2" id="flyers">
            {t("recruitment.own.flyers")}
          </h2>
          <p className="utrecht-paragraph">{t("recruitment.own.flyersIntro")}</p>
          <ul className="utrecht-unordered-list invite-card__activities">
            {loaderData.flyers.map((flyer) => (
              <li key={flyer.path}>
                <a className="utrecht-link" href={flyer.path}>
                  {t("recruitment.own.flyerLink", { title: flyer.title })}
                </a>
                <br />
                <time dateTime={flyer.startsAt}>{formatInZone(new Date(flyer.startsAt), locale)}</time>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
