import { useEffect, useState } from "react";

/**
 * A read-only address to select and copy. The copy button appears only once JavaScript runs
 * (without it, selecting the text works on every phone); its result is announced politely.
 */
export function CopyField({ id, label, value, copyLabel, copiedLabel }: { id: string; label: string; value: string; copyLabel: string; copiedLabel: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && navigator.clipboard !== undefined), []);
  return (
    <div className="utrecht-form-field copy-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-field__row">
        <input className="utrecht-textbox utrecht-textbox--html-input utrecht-textbox--read-only" id={id} type="text" readOnly value={value} onFocus={(event) => event.currentTarget.select()} />
        {canCopy && (
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() => {
              void navigator.clipboard.writeText(value).then(() => setCopied(true));
            }}
          >
            {copyLabel}
          </button>
        )}
      </div>
      <p className="utrecht-paragraph copy-field__status" role="status">
        {copied ? copiedLabel : ""}
      </p>
    </div>
  );
}
