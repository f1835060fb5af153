import { type RouteConfig, index, route } from "@react-router/dev/routes";

/**
 * Every URL of the platform. Dutch paths for pages people visit; /api for machines. Static
 * segments come before `:slug` so a municipality slug can never shadow a platform page.
 */
export default [
  index("routes/home.tsx"),
  route("taal/:locale", "routes/language.ts"),

  // Running the network and the municipalities (staff); /beheer/mail before /beheer/:slug.
  route("netwerk", "routes/network.tsx"),
  route("beheer/mail", "routes/staff.mail.tsx"),
  route("beheer/mail/:messageId", "routes/staff.mail-message.tsx"),
  route("beheer/:slug", "routes/staff.home.tsx"),
  route("beheer/:slug/instellingen", "routes/staff.settings.tsx"),
  route("beheer/:slug/wijken", "routes/staff.neighbourhoods.tsx"),
  route("beheer/:slug/partners", "routes/staff.partners.tsx"),
  route("beheer/:slug/partners/:partnerId", "routes/staff.partner.tsx"),
  route("beheer/:slug/team", "routes/staff.team.tsx"),
  route("uitnodiging/:token", "routes/invitation.tsx"),

  // Accounts and sign-in
  route("registreren", "routes/sign-up.tsx"),
  route("inloggen", "routes/sign-in.tsx"),
  route("inloggen/tweestaps", "routes/sign-in.two-factor.tsx"),
  route("inloggen/link", "routes/sign-in.link.tsx"),
  route("wachtwoord-vergeten", "routes/forgot-password.tsx"),
  route("wachtwoord-herstellen", "routes/reset-password.tsx"),
  route("account", "routes/account.tsx"),
  route("account/tweestapsverificatie", "routes/account.two-factor.tsx"),
  route("uitloggen", "routes/sign-out.tsx"),
  route("api/auth/*", "routes/api.auth.ts"),

  // Municipality pages (public) stay last: `:slug` matches any single segment.
  route(":slug", "routes/municipality.tsx"),
] satisfies RouteConfig;
