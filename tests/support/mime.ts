/**
 * Reads a raw message as an SMTP server received it: headers (unfolded, by lower-case name) and,
 * for multipart messages, every leaf part with its body decoded. Just enough MIME for the mails
 * nodemailer writes (7bit, quoted-printable, base64), so the tests look at what a mail client sees.
 */
export interface MimePart {
  headers: Map<string, string>;
  contentType: string;
  /** The decoded body, line endings as sent. */
  body: string;
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.indexOf("\r\n\r\n");
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? "" : raw.slice(end + 4);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const joined = text.replace(/=\r\n/g, "");
  for (let i = 0; i < joined.length; i++) {
    if (joined[i] === "=" && /^[0-9A-F]{2}$/i.test(joined.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

function leaves(raw: string): MimePart[] {
  const { headers, body } = splitHeaders(raw);
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.toLowerCase().startsWith("multipart/") && boundary) {
    const sections = body.split(`--${boundary}`);
    // Before the first delimiter is the preamble; after the closing one ("--") the epilogue.
    return sections
      .slice(1)
      .filter((section) => !section.startsWith("--"))
      .flatMap((section) => leaves(section.replace(/^\r\n/, "").replace(/\r\n$/, "")));
  }
  return [{ headers, contentType: contentType.split(";")[0]!.trim().toLowerCase(), body: decode(body, headers.get("content-transfer-encoding")) }];
}

/** The message's own headers and its leaf parts (text, HTML, attachments). */
export function parseMime(data: string): { headers: Map<string, string>; parts: MimePart[] } {
  // The SMTP sink stores the DATA section as sent: undo the dot-stuffing of lines starting with ".".
  const raw = data.replace(/\r\n\.\./g, "\r\n.");
  return { headers: splitHeaders(raw).headers, parts: leaves(raw) };
}
