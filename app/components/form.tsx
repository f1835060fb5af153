import type { ReactNode } from "react";
import { Form } from "react-router";
import { useTranslation } from "~/lib/i18n/use-translation";

export type FormErrors = Record<string, string> | undefined;

interface FieldProps {
  name: string;
  label: string;
  errors?: FormErrors;
  description?: string;
  required?: boolean;
}

function fieldIds(name: string) {
  return { input: `field-${name}`, error: `field-${name}-error`, description: `field-${name}-description` };
}

function describedBy(name: string, error?: string, description?: string): string | undefined {
  const ids = fieldIds(name);
  return [description ? ids.description : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ name, label, errors, description, required, children }: FieldProps & { children: ReactNode }) {
  const { t } = useTranslation();
  const ids = fieldIds(name);
  const error = errors?.[name];
  return (
    <div className={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={ids.input}>
          {label}
          {!required && <span className="form-optional"> ({t("form.optional")})</span>}
        </label>
      </div>
      {description && (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={ids.description}>
          {description}
        </div>
      )}
      {error && (
        <div className="utrecht-form-field__description utrecht-form-field-error-message" id={ids.error}>
          {error}
        </div>
      )}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

type InputProps = FieldProps & {
  type?: "text" | "email" | "password" | "url" | "number" | "date" | "time" | "datetime-local" | "color" | "search" | "tel" | "file";
  defaultValue?: string | number | null;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "search" | "tel" | "url";
  maxLength?: number;
  min?: number | string;
  max?: number | string;
  accept?: string;
  pattern?: string;
};

export function TextField(props: InputProps) {
  const { name, errors, description, required, type = "text", defaultValue, ...rest } = props;
  const error = errors?.[name];
  return (
    <FieldShell {...props}>
      <input
        className={`utrecht-textbox utrecht-textbox--html-input${error ? " utrecht-textbox--invalid" : ""}`}
        id={fieldIds(name).input}
        name={name}
        type={type}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, description)}
        defaultValue={defaultValue ?? undefined}
        autoComplete={rest.autoComplete}
        inputMode={rest.inputMode}
        maxLength={rest.maxLength}
        min={rest.min}
        max={rest.max}
        accept={rest.accept}
        pattern={rest.pattern}
      />
    </FieldShell>
  );
}

export function TextAreaField(props: FieldProps & { defaultValue?: string | null; rows?: number; maxLength?: number }) {
  const { name, errors, description, required, defaultValue, rows = 5, maxLength } = props;
  const error = errors?.[name];
  return (
    <FieldShell {...props}>
      <textarea
        className={`utrecht-textarea utrecht-textarea--html-textarea${error ? " utrecht-textarea--invalid" : ""}`}
        id={fieldIds(name).input}
        name={name}
        rows={rows}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, description)}
        defaultValue={defaultValue ?? undefined}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { options: readonly { value: string; label: string }[]; defaultValue?: string | null; includeEmpty?: string },
) {
  const { name, errors, description, required, options, defaultValue, includeEmpty } = props;
  const error = errors?.[name];
  return (
    <FieldShell {...props}>
      <select
        className={`utrecht-select utrecht-select--html-select${error ? " utrecht-select--invalid" : ""}`}
        id={fieldIds(name).input}
        name={name}
        // A select without an empty first option always has a value, so `required` would add nothing
        // and breaks the HTML rule that a required select starts with an empty option.
        required={required && includeEmpty !== undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, error, description)}
        defaultValue={defaultValue ?? ""}
      >
        {includeEmpty !== undefined && <option value="">{includeEmpty}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({ name, label, defaultChecked, errors }: { name: string; label: string; defaultChecked?: boolean; errors?: FormErrors }) {
  const error = errors?.[name];
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox${error ? " utrecht-form-field--invalid" : ""}`}>
      <div className="utrecht-form-field__input">
        <input
          className="utrecht-checkbox utrecht-checkbox--html-input"
          type="checkbox"
          id={fieldIds(name).input}
          name={name}
          value="on"
          defaultChecked={defaultChecked}
          aria-describedby={error ? fieldIds(name).error : undefined}
        />
      </div>
      <div className="utrecht-form-field__label utrecht-form-field__label--checkbox">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={fieldIds(name).input}>
          {label}
        </label>
      </div>
      {error && (
        <div className="utrecht-form-field-error-message" id={fieldIds(name).error}>
          {error}
        </div>
      )}
    </div>
  );
}

/** "Vul dit veld in." after a label reads "Titel: vul dit veld in."; a word in capitals (API, DigiD) keeps them. */
function afterLabel(message: string): string {
  const [first, second] = [message.charAt(0), message.charAt(1)];
  return second && second === second.toLowerCase() ? first.toLowerCase() + message.slice(1) : message;
}

/**
 * A list of the problems at the top of a form, each naming its field and linking to it (WCAG
 * 3.3.1): "Titel: vul dit veld in." `labels` gives each field's visible label by field name, so
 * five empty fields are five different lines rather than five times the same message.
 */
export function ErrorSummary({ errors, labels }: { errors: FormErrors; labels: Readonly<Record<string, string>> }) {
  const { t } = useTranslation();
  if (!errors || Object.keys(errors).length === 0) return null;
  const formError = errors._form;
  const fieldErrors = Object.entries(errors).filter(([field]) => field !== "_form");
  return (
    <div className="utrecht-alert utrecht-alert--error" role="alert" tabIndex={-1}>
      <div className="utrecht-alert__content">
        {formError && <p className="utrecht-paragraph">{formError}</p>}
        {fieldErrors.length > 0 && (
          <>
            <p className="utrecht-paragraph">{t("form.errorSummary")}</p>
            <ul className="utrecht-unordered-list">
              {fieldErrors.map(([field, message]) => {
                const label = labels[field];
                return (
                  <li className="utrecht-unordered-list__item" key={field}>
                    <a className="utrecht-link" href={`#field-${field}`}>
                      {label ? `${label}: ${afterLabel(message)}` : message}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}

export function SubmitButton({ children, appearance = "primary", name, value }: { children: ReactNode; appearance?: "primary" | "secondary" | "subtle"; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} className={`utrecht-button utrecht-button--${appearance}-action`}>
      {children}
    </button>
  );
}

/**
 * A one-button form in a table row (delete, remove, revoke) that posts its intent and the row's id.
 * The hidden text names the row, so a screen reader's list of buttons tells the rows apart.
 */
export function RowActionForm({ intent, id, label, rowName }: { intent: string; id: string; label: string; rowName: string }) {
  return (
    <Form method="post" className="inline-form" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton appearance="subtle">
        {label}
        <span className="visually-hidden"> {rowName}</span>
      </SubmitButton>
    </Form>
  );
}

/**
 * The notice after a deletion that can be taken back: what happened, and a button that posts the
 * `restore` intent with the id of what was removed.
 */
export function UndoNotice({ message, id }: { message: string; id: string }) {
  const { t } = useTranslation();
  return (
    <div className="utrecht-alert utrecht-alert--ok" role="status">
      <div className="utrecht-alert__content">
        <p className="utrecht-paragraph">{message}</p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="restore" />
          <input type="hidden" name="id" value={id} />
          <SubmitButton appearance="secondary">{t("undo.button")}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}

/** A form that posts to the page's own action; it works without JavaScript. */
export function PostForm({ children, encType, action, className }: { children: ReactNode; encType?: "multipart/form-data"; action?: string; className?: string }) {
  return (
    <Form method="post" encType={encType} action={action} className={className ?? "form-stack"} noValidate>
      {children}
    </Form>
  );
}
