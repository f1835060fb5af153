import type { ReactNode } from "react";
import { Link } from "react-router";
import { ErrorSummary, PostForm, SubmitButton, TextField, type FormErrors } from "~/components/form";
import { Alert, PageTitle } from "~/components/ui";
import { useTranslation } from "~/lib/i18n/use-translation";

/** What the action of an email-link form answers: the address it mailed, or the problems with the form. */
export type EmailLinkAnswer = { ok: true; sentTo: string } | { ok: false; errors: FormErrors; values: Record<string, string> };

/**
 * A page that mails a link to an address (a sign-in link, a password reset). After a request it
 * says the same whatever the address, so the page never tells whether an account exists.
 */
export function EmailLinkRequestPage({
  title,
  answer,
  sentMessage,
  submitLabel,
  children,
}: {
  title: string;
  answer: EmailLinkAnswer | undefined;
  /** The confirmation after a request, naming the address it was for. */
  sentMessage: (email: string) => string;
  submitLabel: string;
  /** What the page says above the form. */
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errors = answer?.ok === false ? answer.errors : undefined;
  const values: Record<string, string | undefined> = answer?.ok === false ? answer.values : {};
  return (
    <div className="page-narrow">
      <PageTitle>{title}</PageTitle>
      {answer?.ok === true ? (
        <Alert type="ok">
          <p className="utrecht-paragraph">{sentMessage(answer.sentTo)}</p>
        </Alert>
      ) : (
        <>
          {children}
          <ErrorSummary errors={errors} labels={{ email: t("accounts.field.email") }} />
          <PostForm>
            <TextField name="email" type="email" label={t("accounts.field.email")} required autoComplete="email" maxLength={254} defaultValue={values.email} errors={errors} />
            <div className="button-row">
              <SubmitButton>{submitLabel}</SubmitButton>
            </div>
          </PostForm>
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link link-block" to="/inloggen">
          {t("accounts.magicLink.withPassword")}
        </Link>
      </p>
    </div>
  );
}
