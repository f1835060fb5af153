/**
 * The rules of invite links as tables: the codes, which code a visit carries (last touch), when a
 * sign-up counts for a link, what "new to the platform" means, and what the landing page says.
 */
import { describe, expect, it } from "vitest";
import {
  chooseReferralCode,
  firstNameOf,
  generateInviteCode,
  INVITE_CODE_LENGTH,
  isInviteCodeShape,
  isNewToPlatform,
  judgeAttribution,
  referralCodeFromCookie,
  referralCookie,
  type AttributionVerdict,
  type LiveLink,
  type SignUp,
} from "~/features/recruitment/policy";

describe("invite codes", () => {
  it("are short, URL-safe, of the shape the database accepts, and different every time", () => {
    const codes = Array.from({ length: 2000 }, generateInviteCode);
    for (const code of codes) {
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(isInviteCodeShape(code)).toBe(true);
      expect(encodeURIComponent(code)).toBe(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each([
    ["Yj_erxUQHdlM", true],
    ["abcdef", true],
    ["abcde", false],
    ["a".repeat(32), true],
    ["a".repeat(33), false],
    ["abc def ghi", false],
    ["<script>", false],
    ["abcdef\u0000", false],
    ["../../etc", false],
    ["", false],
  ])("%j has the shape of a code: %s", (value, expected) => {
    expect(isInviteCodeShape(value)).toBe(expected);
  });

  it("rejects what is not a string", () => {
    for (const value of [null, undefined, 123456789, ["abcdefgh"], { code: "abcdefgh" }]) expect(isInviteCodeShape(value)).toBe(false);
  });
});

describe("which code a sign-up carries (last touch)", () => {
  it.each([
    ["form and cookie", "formCode1234", "cookieCode12", "formCode1234"],
    ["only the cookie", undefined, "cookieCode12", "cookieCode12"],
    ["only the form", "formCode1234", null, "formCode1234"],
    ["a junk form value falls back to the cookie", "<b>x</b>", "cookieCode12", "cookieCode12"],
    ["nothing", "", null, null],
  ])("%s", (_case, form, cookie, expected) => {
    expect(chooseReferralCode(form, cookie)).toBe(expected);
  });
});

describe("the referral cookie", () => {
  it("lasts the browser session only, is HttpOnly and SameSite=Lax, Secure on https", () => {
    expect(referralCookie("abcdefgh1234", false)).toBe("buurtkracht_ref=abcdefgh1234; Path=/; HttpOnly; SameSite=Lax");
    expect(referralCookie("abcdefgh1234", true)).toBe("buurtkracht_ref=abcdefgh1234; Path=/; HttpOnly; SameSite=Lax; Secure");
  });

  it.each([
    ["buurtkracht_ref=abcdefgh1234", "abcdefgh1234"],
    ["a=1; buurtkracht_ref=abcdefgh1234; b=2", "abcdefgh1234"],
    ["xbuurtkracht_ref=abcdefgh1234", null],
    ["buurtkracht_ref=<script>", null],
    ["buurtkracht_ref=abc", null],
    ["", null],
  ])("reads %j as %j", (header, expected) => {
    expect(referralCodeFromCookie(header)).toBe(expected);
  });
});

describe("attribution", () => {
  const link: LiveLink = { municipalityId: "m-a", revokedAt: null, ownerUserIds: ["u-owner"], ownerEmails: ["Owner@Example.org"] };
  const team: LiveLink = { municipalityId: "m-a", revokedAt: null, ownerUserIds: ["u-member1", "u-member2"], ownerEmails: ["member1@example.org", "member2@example.org"] };
  const resident: SignUp = { municipalityId: "m-a", userId: null, email: "resident@example.org" };
  const table: [string, LiveLink, SignUp, AttributionVerdict][] = [
    ["a resident without an account", link, resident, "attributed"],
    ["a resident signed in", link, { ...resident, userId: "u-resident" }, "attributed"],
    ["a replaced link", { ...link, revokedAt: new Date() }, resident, "revoked"],
    ["an activity of another municipality", link, { ...resident, municipalityId: "m-b" }, "other_municipality"],
    ["the owner signed in", link, { ...resident, userId: "u-owner" }, "self_referral"],
    ["the owner by their address, not signed in", link, { ...resident, email: "owner@example.org" }, "self_referral"],
    ["a team member through the team's link", team, { ...resident, userId: "u-member2" }, "self_referral"],
    ["a team member by address", team, { ...resident, email: "member1@example.org" }, "self_referral"],
    ["someone outside the team", team, resident, "attributed"],
  ];
  it.each(table)("%s", (_case, l, signUp, verdict) => {
    expect(judgeAttribution(l, signUp)).toBe(verdict);
  });
});

describe("new to the platform", () => {
  it.each([
    [0, false, true],
    [1, false, false],
    [0, true, false],
    [3, true, false],
  ])("%i earlier sign-ups, account %s: %s", (earlierRegistrations, hasAccount, expected) => {
    expect(isNewToPlatform({ earlierRegistrations, hasAccount })).toBe(expected);
  });
});

describe("the name on the landing page", () => {
  it.each([
    ["Chris Citytrainer", "Chris"],
    ["  Mila   van der Praktijk ", "Mila"],
    ["Noor", "Noor"],
    ["", ""],
  ])("%j is shown as %j", (name, expected) => {
    expect(firstNameOf(name)).toBe(expected);
  });
});
