import { Fragment } from "react";

const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]'])/g;

/**
 * Plain text with its web addresses made clickable. React escapes the text; only http(s)
 * addresses become links, so a message cannot smuggle in markup or javascript: links.
 */
export function LinkedText({ text }: { text: string }) {
  const parts = text.split(URL_PATTERN);
  return (
    <>
      {parts.map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} className="utrecht-link" href={part} rel="noreferrer noopener">
            {part}
          </a>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
