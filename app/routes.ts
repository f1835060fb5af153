import { type RouteConfig, index, route } from "@react-router/dev/routes";

/**
 * Every URL of the platform. Dutch paths for pages people visit; /api for machines. Static
 * segments come before `:slug` so a municipality slug can never shadow a platform page.
 */
export default [
  index("routes/home.tsx"),
  route("taal/:locale", "routes/language.ts"),

  // Municipality pages (public) stay last: `:slug` matches any single segment.
  route(":slug", "routes/municipality.tsx"),
] satisfies RouteConfig;
