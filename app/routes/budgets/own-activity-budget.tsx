import { data, Link, redirect } from "react-router";
import { requireUser } from "~/features/accounts/session.server";
import { getTranslator } from "~/features/accounts/locale.server";
import { notFound } from "~/features/authorization/gate.server";
import { RequestFacts } from "~/features/budgets/components/request-view";
import { formatEuros } from "~/features/budgets/money";
import { eligiblePots, findRequest, findRequesterActivity, isReceiptViewer, listActivityRequests } from "~/features/budgets/reads.server";
import { forgetReceipts, ReceiptRejectedError, storeReceipts, uploadedFiles, type StoredReceipt } from "~/features/budgets/receipts.server";
import { MAX_RECEIPTS_PER_POST, LINE_DESCRIPTION_MAX, LINE_ROWS, lineRows, PURPOSE_MAX, REASON_MAX, requestInput, settlementInput } from "~/features/budgets/schema";
import { newIdempotencyKey, submitRequest, submitSettlement, withdrawRequest } from "~/features/budgets/writes.server";
import { OrganiserTabs } from "~/features/organisers/components/organiser-tabs";
import { ownActivityPath, OWN_ORGANISING_PATHS } from "~/features/organisers/urls";
import { ErrorSummary, PostForm, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { formToObject, invalid, parseInput, readForm } from "~/lib/forms.server";
import type { Translate } from "~/lib/i18n";
import { useTranslation } from "~/lib/i18n/use-translation";
import { formatInZone, utcToZonedLocal } from "~/lib/time";
import type { Route } from "./+types/own-activity-budget";

/**
 * An organiser's budget for one activity: ask a pot for a contribution (amount, line items that add
 * up to it, purpose), see the decision, and after the activity settle it with receipts and the
 * amount actually spent. Open to the activity's organiser, its co-organisers and its team's members.
 */
const NOTICES = {
  aangevraagd: "budgets.notice.requested",
  toegekend: "budgets.notice.autoApproved",
  bonnetjes: "budgets.notice.receiptsAdded",
  verantwoord: "budgets.notice.settlementSubmitted",
  ingetrokken: "budgets.notice.withdrawn",
} as const;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const activity = await findRequesterActivity(user.id, params.activityId);
  if (!activity) throw notFound();
  const { t, locale } = await getTranslator(request);
  const today = utcToZonedLocal(new Date()).date;
  const pots = await eligiblePots(activity, today);
  const listed = await listActivityRequests(activity);
  const requests = [];
  for (const row of listed) {
    const detail = await findRequest(activity.municipalityId, row.id);
    if (detail) requests.push({ ...detail, mayDownload: await isReceiptViewer(user.id, detail) });
  }
  const notice = new URL(request.url).searchParams.get("melding");
  return {
    title: `${t("budgets.activity.title")}: ${activity.title} — Buurtkracht`,
    notice: notice && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : null,
    activity: { id: activity.activityId, title: activity.title, teamName: activity.teamName, when: formatInZone(activity.startsAt, locale), started: activity.startsAt <= new Date() },
    pots: pots.map((p) => ({
      value: p.id,
      label: `${p.name} (${t("budgets.activity.potMax", { max: formatEuros(p.maxPerRequestCents, locale), available: formatEuros(p.amountCents - p.committedCents, locale) })})`,
    })),
    requests,
    idempotencyKey: newIdempotencyKey(),
  };
}

export const links: Route.LinksFunction = () => [];
export const meta: Route.MetaFunction = ({ loaderData }) => [{ title: loaderData?.title ?? "Buurtkracht" }, { name: "robots", content: "noindex" }];

const RECEIPT_MESSAGES = {
  empty: "budgets.receipt.empty",
  tooLarge: "budgets.receipt.tooLarge",
  wrongType: "budgets.receipt.wrongType",
  tooMany: "budgets.receipt.tooMany",
} as const;

function conflict(t: Translate, message: "budgets.error.alreadyDecided") {
  return data({ ok: false as const, errors: { _form: t(message) }, values: {} as Record<string, string> }, { status: 409 });
}

export async function action({ request, params }: Route.ActionArgs) {
  const user = await requireUser(request);
  const activity = await findRequesterActivity(user.id, params.activityId);
  if (!activity) throw notFound();
  const { locale, t } = await getTranslator(request);
  const form = await readForm(request);
  const values = formToObject(form);
  const { receipts: files, ...shown } = values;
  const back = (notice: keyof typeof NOTICES) => redirect(`${ownActivityPath(activity.activityId, "budget")}?melding=${notice}`);
  const requestId = typeof values.requestId === "string" ? values.requestId : "";

  if (values.intent === "request") {
    const parsed = parseInput(requestInput, { ...values, lines: lineRows(values) }, locale, t);
    if (!parsed.ok) {
      // A line's error names its row (lines.0.amount): shown at the line fields as one message.
      const errors: Record<string, string> = {};
      for (const [field, message] of Object.entries(parsed.errors)) errors[field.startsWith("lines") ? "lines" : field] ??= message;
      return invalid(errors, shown);
    }
    const result = await submitRequest(activity, user.id, parsed.data, utcToZonedLocal(new Date()).date);
    if (!result.ok) return invalid({ [result.field]: t(result.message) }, shown);
    return back(result.status === "approved" ? "toegekend" : "aangevraagd");
  }

  if (values.intent === "withdraw") {
    const result = await withdrawRequest(activity, requestId, user.id);
    if (!result.ok) return "conflict" in result ? conflict(t, result.message) : invalid({ _form: t(result.message) }, shown);
    return back("ingetrokken");
  }

  if (values.intent === "add_receipts" || values.intent === "settle") {
    const submit = values.intent === "settle";
    const parsed = submit ? parseInput(settlementInput, values, locale, t) : null;
    if (parsed && !parsed.ok) return invalid(parsed.errors, shown);
    let stored: StoredReceipt[];
    try {
      stored = await storeReceipts(uploadedFiles(files));
    } catch (error) {
      if (error instanceof ReceiptRejectedError) return invalid({ receipts: t(RECEIPT_MESSAGES[error.problem], { max: MAX_RECEIPTS_PER_POST }) }, shown);
      throw error;
    }
    if (!submit && stored.length === 0) return invalid({ receipts: t("budgets.receipt.none") }, shown);
    const result = await submitSettlement(activity, requestId, user.id, parsed?.ok ? { ...parsed.data, submit: true } : { submit: false }, stored);
    if (!result.ok) {
      await forgetReceipts(stored);
      return "conflict" in result ? conflict(t, result.message) : invalid({ [result.field]: t(result.message) }, shown);
    }
    return back(submit ? "verantwoord" : "bonnetjes");
  }
  return invalid({ _form: t("validation.invalid") }, shown);
}

export default function OwnActivityBudget({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const sent = (actionData?.values ?? {}) as Record<string, string | string[]>;
  const text = (name: string) => (typeof sent[name] === "string" ? (sent[name] as string) : "");
  const forIntent = (intent: string, id?: string): Record<string, string> | undefined =>
    text("intent") === intent && (!id || text("requestId") === id) ? errors : undefined;
  const linesError = forIntent("request")?.lines;
  const { activity } = loaderData;
  const requestLabels = { potId: t("budgets.request.pot"), amount: t("budgets.request.amount"), purpose: t("budgets.request.purpose"), lines: t("budgets.request.lines") };
  return (
    <>
      <PageTitle>{`${t("budgets.activity.title")}: ${activity.title}`}</PageTitle>
      <OrganiserTabs />
      {loaderData.notice && !errors && (
        <Alert type="ok">
          <p className="utrecht-paragraph">{t(loaderData.notice)}</p>
        </Alert>
      )}
      {errors?._form && <ErrorSummary errors={errors} labels={{}} />}
      <p className="utrecht-paragraph">
        {activity.when}
        {activity.teamName ? ` · ${t("budgets.activity.asTeam", { team: activity.teamName })}` : ""}
      </p>

      {loaderData.requests.map((request) => (
        <section className="page-section" aria-labelledby={`aanvraag-${request.id}`} key={request.id}>
          <h2 className="utrecht-heading-2" id={`aanvraag-${request.id}`}>
            {t("budgets.activity.requestHeading", { pot: request.potName })}
          </h2>
          <RequestFacts request={request} receiptLinks={request.mayDownload} />
          {request.status === "approved" && (
            <>
              <h3 className="utrecht-heading-3">{t("budgets.settle.title")}</h3>
              {!activity.started && <p className="utrecht-paragraph">{t("budgets.settle.afterActivity")}</p>}
              <PostForm encType="multipart/form-data">
                <ErrorSummary errors={forIntent("settle", request.id) ?? forIntent("add_receipts", request.id)} labels={{ receipts: t("budgets.settle.receipts"), spent: t("budgets.settle.spent"), note: t("budgets.settle.note") }} />
                <input type="hidden" name="requestId" value={request.id} />
                <div className="utrecht-form-field">
                  <label className="utrecht-form-label" htmlFor={`receipts-${request.id}`}>
                    {t("budgets.settle.receipts")}
                  </label>
                  <p className="utrecht-form-field-description" id={`receipts-hint-${request.id}`}>
                    {t("budgets.settle.receiptsHint", { max: MAX_RECEIPTS_PER_POST })}
                  </p>
                  <input
                    className="utrecht-textbox"
                    type="file"
                    multiple
                    id={`receipts-${request.id}`}
                    name="receipts"
                    aria-describedby={`receipts-hint-${request.id}`}
                    accept=".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/jpeg,image/png,image/webp"
                  />
                </div>
                <TextField name="spent" label={t("budgets.settle.spent")} description={t("budgets.settle.spentHint")} maxLength={30} defaultValue={text("spent")} errors={forIntent("settle", request.id)} />
                <TextAreaField name="note" label={t("budgets.settle.note")} rows={3} maxLength={REASON_MAX} defaultValue={text("note")} errors={forIntent("settle", request.id)} />
                <div className="button-row">
                  <SubmitButton appearance="secondary" name="intent" value="add_receipts">
                    {t("budgets.settle.addReceipts")}
                  </SubmitButton>
                  <SubmitButton name="intent" value="settle">
                    {t("budgets.settle.submit")}
                  </SubmitButton>
                </div>
              </PostForm>
            </>
          )}
          {(request.status === "submitted" || request.status === "approved") && (
            <PostForm>
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="requestId" value={request.id} />
              <div className="button-row">
                <SubmitButton appearance="subtle">{t("budgets.activity.withdraw")}</SubmitButton>
              </div>
            </PostForm>
          )}
        </section>
      ))}

      <section className="page-section" aria-labelledby="nieuwe-aanvraag">
        <h2 className="utrecht-heading-2" id="nieuwe-aanvraag">
          {t("budgets.activity.newRequest")}
        </h2>
        {loaderData.pots.length === 0 ? (
          <p className="utrecht-paragraph">{t("budgets.activity.noPots")}</p>
        ) : (
          <PostForm>
            <ErrorSummary errors={forIntent("request")} labels={requestLabels} />
            <input type="hidden" name="intent" value="request" />
            <input type="hidden" name="idempotencyKey" value={text("idempotencyKey") || loaderData.idempotencyKey} />
            <SelectField name="potId" label={requestLabels.potId} required includeEmpty={t("budgets.activity.choosePot")} options={loaderData.pots} defaultValue={text("potId")} errors={forIntent("request")} />
            <TextField name="amount" label={requestLabels.amount} description={t("budgets.activity.amountHint")} required maxLength={30} defaultValue={text("amount")} errors={forIntent("request")} />
            <TextAreaField name="purpose" label={requestLabels.purpose} description={t("budgets.activity.purposeHint")} required rows={4} maxLength={PURPOSE_MAX} defaultValue={text("purpose")} errors={forIntent("request")} />
            <fieldset className="utrecht-form-fieldset">
              <legend className="utrecht-form-fieldset__legend">{requestLabels.lines}</legend>
              <p className="utrecht-paragraph" id="lines-hint">
                {t("budgets.activity.linesHint")}
              </p>
              {linesError && (
                <p className="utrecht-form-field-error-message" id="lines-error">
                  {linesError}
                </p>
              )}
              {Array.from({ length: LINE_ROWS }, (_, i) => (
                <div className="line-row" key={i}>
                  <TextField name={`lineDescription${i}`} label={t("budgets.activity.lineDescription", { n: i + 1 })} maxLength={LINE_DESCRIPTION_MAX} defaultValue={text(`lineDescription${i}`)} />
                  <TextField name={`lineAmount${i}`} label={t("budgets.activity.lineAmount", { n: i + 1 })} maxLength={30} defaultValue={text(`lineAmount${i}`)} />
                </div>
              ))}
            </fieldset>
            <div className="button-row">
              <SubmitButton>{t("budgets.activity.submit")}</SubmitButton>
            </div>
          </PostForm>
        )}
      </section>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={OWN_ORGANISING_PATHS.budget}>
          {t("budgets.activity.allRequests")}
        </Link>
      </p>
    </>
  );
}
