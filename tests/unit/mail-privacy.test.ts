import { describe, expect, it } from "vitest";
import { hideSecretLinks, isReservedMailDomain, mayOpenSecretLinks } from "~/features/mail/secret-links";
import { renderMailHtml } from "~/lib/mail-html";

describe("token links in the mail viewer", () => {
  it.each([
    // viewer, demo installation, recipient, may open
    ["coordinator@gemeente.nl", false, "coordinator@gemeente.nl", true],
    ["Coordinator@Gemeente.nl", false, "coordinator@gemeente.nl", true],
    ["coordinator@gemeente.nl", false, "bewoner@gmail.com", false],
    ["coordinator@gemeente.nl", true, "bewoner@gmail.com", false],
    ["coordinator@gemeente.nl", false, "nieuw@havenstad.example", false],
    ["coordinator@gemeente.nl", true, "nieuw@havenstad.example", true],
    ["coordinator@gemeente.nl", true, "iemand@example.org", true],
    ["coordinator@gemeente.nl", true, "iemand@mail.example.com", true],
    ["coordinator@gemeente.nl", true, "iemand@example.nl", false],
    ["coordinator@gemeente.nl", true, "iemand@notexample.com", false],
  ])("viewer %s (demo %s) reading mail to %s: %s", (email, isDemo, recipient, expected) => {
    expect(mayOpenSecretLinks({ email, isDemo }, recipient)).toBe(expected);
  });

  it("knows the reserved mail domains", () => {
    for (const address of ["a@b.example", "a@x.test", "a@x.invalid", "a@localhost", "a@example.net"]) expect(isReservedMailDomain(address), address).toBe(true);
    for (const address of ["a@gmail.com", "a@example.nl", "a@examples.com", "a@test.nl"]) expect(isReservedMailDomain(address), address).toBe(false);
  });

  it("replaces every listed link, also when one is the start of another, and leaves the rest", () => {
    const reset = "https://bk.nl/api/auth/reset-password/abc?callbackURL=%2Fwachtwoord-herstellen";
    const text = `Open ${reset} of https://bk.nl/api/auth/reset-password/abc.\nZie https://bk.nl/havenstad.`;
    const hidden = hideSecretLinks(text, ["https://bk.nl/api/auth/reset-password/abc", reset], "[link verborgen]");
    expect(hidden).toBe("Open [link verborgen] of [link verborgen].\nZie https://bk.nl/havenstad.");
    expect(hideSecretLinks("x", [""], "[h]")).toBe("x");
  });
});

describe("the HTML part of a mail", () => {
  it("escapes everything and links only the platform's own addresses", () => {
    const html = renderMailHtml(
      {
        subject: "Aanmelding <b>",
        text: "Hallo <script>alert(1)</script> & 'jij',\n\nZie https://bk.nl/havenstad/activiteiten/1.\nOf https://kwaad.example/x\n\nGroet",
        locale: "nl",
      },
      "https://bk.nl",
    );
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("<title>Aanmelding &lt;b&gt;</title>");
    expect(html).toContain("<p>Hallo &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;jij&#39;,</p>");
    expect(html).toContain('Zie <a href="https://bk.nl/havenstad/activiteiten/1">https://bk.nl/havenstad/activiteiten/1</a>.<br>');
    expect(html).toContain("Of https://kwaad.example/x</p>");
    expect(html).not.toContain("<script>");
    expect(html).toContain("<p>Groet</p>");
  });

  it("does not link an address that only starts like the platform's", () => {
    expect(renderMailHtml({ subject: "s", text: "https://bk.nl.kwaad.example/x", locale: "en" }, "https://bk.nl")).not.toContain("<a ");
  });
});
