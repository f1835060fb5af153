import { data, Link, redirect } from "react-router";
import { getTranslator } from "~/features/accounts/locale.server";
import { authorizeMunicipality, notFound } from "~/features/authorization/gate.server";
import { Euros } from "~/features/budgets/components/budget-view";
import { RequestFacts } from "~/features/budgets/components/request-view";
import { eurosForInput } from "~/features/budgets/money";
import { findRequest } from "~/features/budgets/reads.server";
import { decisionInput, REASON_MAX } from "~/features/budgets/schema";
import { decideRequest } from "~/features/budgets/writes.server";
import { openStaffPage } from "~/features/municipalities/staff-page.server";
import { staffBudgetRequestPath, staffBudgetsPath } from "~/features/organisers/urls";
import { logPersonalDataAccess } from "~/features/privacy/audit.server";
import { CheckboxField, ErrorSummary, PostForm, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { StaffPageHeader } from "~/components/staff-nav";
import { Alert } from "~/components/ui";
import { db } from "~/lib/db/client.server";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import { useTranslation } from "~/lib/i18n/use-translation";
import type { Route } from "./+types/staff-request";

/**
 * The project leader's page of one request: approve all or less, or decline with a reason; once
 * the organiser settled, accept (what was not spent goes back to the pot; spending above the
 * grant only with the tick) or send it back with a comment. Each view is in the access log: a
 * requester may be a minor Citytrainer.
 */
const NOTICES = {
  goedgekeurd: "budgets.notice.approved",
  afgewezen: "budgets.notice.declined",
  afgerekend: "budgets.notice.settled",
  teruggestuurd: "budgets.notice.returned",
} as const;
const NOTICE_OF_INTENT = { approve: "goedgekeurd", decline: "afgewezen", accept_settlement: "afgerekend", return_settlement: "teruggestuurd" } as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const { user, municipality, page } = await openStaffPage(request, params.slug, "budgets.manage", "budgets.staff.title");
  const found = await findRequest(municipality.id, params.requestId);
  if (!found) throw notFound();
  if (found.requestedBy) await logPersonalDataAccess(db(), { actor: user.actor, municipalityId: municipality.id, subject: { userId: found.requestedBy }, resource: "budget_request" });
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    ...page,
    title: `${found.activityTitle ?? found.potName} — ${municipality.name}`,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
    slug: municipality.slug,
    request: found,
    availableCents: found.potAmountCents - found.potCommittedCents,
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

export async function action({ request, params }: Route.ActionArgs) {
  const { user, municipality } = await authorizeMunicipality(request, params.slug, "budgets.manage");
  const { locale, t } = await getTranslator(request);
  const values = formToObject(await readForm(request));
  const parsed = parseInput(decisionInput, values, locale, t);
  if (!parsed.ok) return invalid(parsed.errors, values);
  const result = await decideRequest(municipality.id, params.requestId, user.id, parsed.data);
  if (!result.ok) {
    if (result.message === "admin.notFoundInMunicipality") throw notFound();
    if ("conflict" in result) return data({ ok: false as const, errors: { _form: t(result.message) }, values: {} as Record<string, string> }, { status: 409 });
    return invalid({ [result.field]: t(result.message) }, values);
  }
  return redirect(`${staffBudgetRequestPath(municipality.slug, params.requestId)}?melding=${NOTICE_OF_INTENT[parsed.data.intent]}`);
}

export default function StaffRequest({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useTranslation();
  const { request, slug } = loaderData;
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string>;
  const errorsFor = (intent: string) => (sent.intent === intent || (!sent.intent && errors?._form) ? errors : undefined);
  const overspend = request.spentCents !== null && request.grantedCents !== null && request.spentCents > request.grantedCents;
  return (
    <>
      <StaffPageHeader title={request.activityTitle ?? request.potName} sections={loaderData.sections} notice={loaderData.notice} />
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={staffBudgetsPath(slug, request.potId)}>
          {t("budgets.request.backToPot", { pot: request.potName })}
        </Link>
      </p>
      {errors?._form && !sent.intent && <ErrorSummary errors={errors} labels={{}} />}
      <RequestFacts request={request} receiptLinks />
      <p className="utrecht-paragraph">
        {t("budgets.request.potAvailable")} <Euros cents={loaderData.availableCents} />
      </p>

      {request.status === "submitted" && (
        <section className="page-section" aria-labelledby="besluit">
          <h2 className="utrecht-heading-2" id="besluit">
            {t("budgets.decide.title")}
          </h2>
          <PostForm>
            <ErrorSummary errors={errorsFor("approve")} labels={{ amount: t("budgets.decide.amount") }} />
            <input type="hidden" name="intent" value="approve" />
            <TextField
              name="amount"
              label={t("budgets.decide.amount")}
              description={t("budgets.decide.amountHint")}
              maxLength={30}
              defaultValue={sent.intent === "approve" ? sent.amount : eurosForInput(request.amountCents, locale)}
              errors={errorsFor("approve")}
            />
            <div className="button-row">
              <SubmitButton>{t("budgets.decide.approve")}</SubmitButton>
            </div>
          </PostForm>
          <h3 className="utrecht-heading-3">{t("budgets.decide.declineTitle")}</h3>
          <PostForm>
            <ErrorSummary errors={errorsFor("decline")} labels={{ reason: t("budgets.decide.reason") }} />
            <input type="hidden" name="intent" value="decline" />
            <TextAreaField name="reason" label={t("budgets.decide.reason")} description={t("budgets.decide.reasonHint")} required rows={3} maxLength={REASON_MAX} defaultValue={sent.intent === "decline" ? sent.reason : ""} errors={errorsFor("decline")} />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("budgets.decide.decline")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}

      {request.status === "settlement_submitted" && (
        <section className="page-section" aria-labelledby="afrekening">
          <h2 className="utrecht-heading-2" id="afrekening">
            {t("budgets.settle.decideTitle")}
          </h2>
          {overspend && (
            <Alert type="warning">
              <p className="utrecht-paragraph">{t("budgets.settle.overspendWarning")}</p>
            </Alert>
          )}
          <PostForm>
            <ErrorSummary errors={errorsFor("accept_settlement")} labels={{ overspend: t("budgets.settle.overspendTick") }} />
            <input type="hidden" name="intent" value="accept_settlement" />
            {overspend && <CheckboxField name="overspend" label={t("budgets.settle.overspendTick")} errors={errorsFor("accept_settlement")} />}
            <div className="button-row">
              <SubmitButton>{t("budgets.settle.accept")}</SubmitButton>
            </div>
          </PostForm>
          <h3 className="utrecht-heading-3">{t("budgets.settle.returnTitle")}</h3>
          <PostForm>
            <ErrorSummary errors={errorsFor("return_settlement")} labels={{ comment: t("budgets.settle.comment") }} />
            <input type="hidden" name="intent" value="return_settlement" />
            <TextAreaField name="comment" label={t("budgets.settle.comment")} required rows={3} maxLength={REASON_MAX} defaultValue={sent.intent === "return_settlement" ? sent.comment : ""} errors={errorsFor("return_settlement")} />
            <div className="button-row">
              <SubmitButton appearance="secondary">{t("budgets.settle.return")}</SubmitButton>
            </div>
          </PostForm>
        </section>
      )}
    </>
  );
}
