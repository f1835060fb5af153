/**
 * The Dutch API Design Rules (Logius, "pas toe of leg uit") as checks over an OpenAPI document:
 * the rules of Logius' Spectral ruleset (`linter/spectral.yml` in Logius-standaarden/API-Design-Rules,
 * ids `nlgov:…`), written out here so the suite needs no linter of its own. Each check names the
 * rule it implements; `lintApiDesignRules` returns every violation, so a test can expect none.
 */

// An OpenAPI document is read as plain JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Violation {
  rule: string;
  at: string;
  message: string;
}

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
// The ruleset's own pattern: kebab-case segments, `{variables}`, dots after the first segment.
const KEBAB_PATH = /^(\/|(\/_[a-z0-9]+|\/(([a-z0-9-]+|{[^}]+})(\/([a-z0-9\-.]+|{[^}]+}))*)(\/_[a-z]+)?)\/?)$/;
const LOWER_CAMEL = /^\$?[a-z][a-z\d]*([A-Z][a-z\d]*)*$/;
const UPPER_CAMEL = /^[A-Z][a-zA-Z\d]*$/;
const DATE_NAME = /^(date|datum)$|((\w+D)|(_[dD]))((ate)|(atum))/;
const LANGUAGE_NAME = /^(language|taal)$|(Language|_language|Taal|_taal)$/;
const VERSION_HEADER = /^api-version$/i;

/** Follows local `$ref`s (`#/components/...`). */
function resolve(document: Json, value: Json): Json {
  let current = value;
  for (let depth = 0; current && typeof current === "object" && typeof current.$ref === "string" && depth < 20; depth++) {
    const path = current.$ref.replace(/^#\//, "").split("/").map((part: string) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
    current = path.reduce((node: Json, key: string) => node?.[key], document);
  }
  return current;
}

/** Every (resolved) schema property anywhere below `schema`, with its name and where it is. */
function eachProperty(document: Json, schema: Json, at: string, seen = new Set<Json>()): { name: string; property: Json; at: string }[] {
  const resolved = resolve(document, schema);
  if (!resolved || typeof resolved !== "object" || seen.has(resolved)) return [];
  seen.add(resolved);
  const found: { name: string; property: Json; at: string }[] = [];
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    found.push({ name, property: resolve(document, property), at: `${at}.properties.${name}` });
    found.push(...eachProperty(document, property, `${at}.properties.${name}`, seen));
  }
  for (const key of ["items", "additionalProperties"]) {
    if (resolved[key] && typeof resolved[key] === "object") found.push(...eachProperty(document, resolved[key], `${at}.${key}`, seen));
  }
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    for (const [index, part] of (resolved[key] ?? []).entries()) found.push(...eachProperty(document, part, `${at}.${key}[${index}]`, seen));
  }
  return found;
}

function operations(document: Json): { path: string; method: string; operation: Json }[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => (item as Json)[method]).map((method) => ({ path, method, operation: (item as Json)[method] })),
  );
}

function responses(document: Json): { at: string; status: string; response: Json; path: string; method: string }[] {
  return operations(document).flatMap(({ path, method, operation }) =>
    Object.entries(operation.responses ?? {}).map(([status, response]) => ({
      at: `paths.${path}.${method}.responses.${status}`,
      status,
      response: resolve(document, response),
      path,
      method,
    })),
  );
}

/** Every rule of the ruleset that applies to an OpenAPI 3 document; none may report anything. */
export function lintApiDesignRules(document: Json): Violation[] {
  const violations: Violation[] = [];
  const report = (rule: string, at: string, message: string) => violations.push({ rule, at, message });

  // /core/doc-openapi: an OpenAPI 3 document.
  if (!document.openapi) report("nlgov:openapi-root-exists", "$", "The root of the document must contain the `openapi` property.");
  if (!/^3(\.\d+){1,2}$/.test(String(document.openapi ?? ""))) report("nlgov:openapi3", "openapi", "Use a version 3 OpenAPI Specification.");

  // /core/semver
  if (!SEMVER.test(String(document.info?.version ?? ""))) report("nlgov:semver", "info.version", "The version is not in semver format.");

  // /core/doc-openapi-contact
  const contact = document.info?.contact;
  if (!contact) report("info-contact", "info", "Info object must have a contact object.");
  else for (const field of ["name", "email", "url"]) if (!contact[field]) report("nlgov:info-contact-fields-exist", "info.contact", `Missing ${field}.`);

  // Servers: at least one, one of them absolute; /core/uri-version: the major version in each.
  const servers: Json[] = document.servers ?? [];
  if (servers.length === 0) report("oas3-api-servers", "servers", "Define at least one server.");
  else if (!servers.some((server) => /^[a-z][a-z0-9+.-]*:\/\//i.test(String(server.url)))) {
    report("nlgov:servers-at-least-one-absolute", "servers", "At least one absolute URL must be specified as server.");
  }
  for (const [index, server] of servers.entries()) {
    if (!/\/v\d+/.test(String(server.url))) report("nlgov:include-major-version-in-uri", `servers[${index}].url`, "Include the major version number in the URI.");
  }

  const paths = Object.keys(document.paths ?? {});
  // Landing page: the API root answers GET.
  if (!document.paths?.["/"]?.get) report("nlgov:missing-home-page", "paths", "There must be a resource `/` (the API's home page) with GET.");
  for (const path of paths) {
    // /core/no-trailing-slash
    if (path.length > 1 && path.endsWith("/")) report("nlgov:paths-no-trailing-slash", `paths.${path}`, "Leave off trailing slashes from URIs.");
    // /core/path-segments-kebab-case
    if (path !== "/openapi.json" && !KEBAB_PATH.test(path)) report("nlgov:paths-kebab-case", `paths.${path}`, `${path} is not kebab-case.`);
    // /core/http-methods: only the standard methods (and the fields a path item may have).
    for (const key of Object.keys(document.paths[path])) {
      if (!["get", "put", "post", "delete", "patch", "parameters", "summary", "description", "servers"].includes(key)) {
        report("nlgov:http-methods", `paths.${path}.${key}`, "Only apply standard HTTP methods.");
      }
    }
  }

  // /core/publish-openapi: the document at /openapi.json, readable from any origin.
  const documentResponse = resolve(document, document.paths?.["/openapi.json"]?.get?.responses?.["200"]);
  if (!documentResponse) report("nlgov:openapi-json", "paths", "Publish the document at `/openapi.json` with GET.");
  else if (!Object.keys(documentResponse.headers ?? {}).some((name) => name.toLowerCase() === "access-control-allow-origin")) {
    report("paths-open-api-json-specify-cors-header", "paths./openapi.json.get.responses.200.headers", "Declare `Access-Control-Allow-Origin: *`.");
  }

  for (const { path, method, operation } of operations(document)) {
    const parameters: Json[] = (operation.parameters ?? []).map((p: Json) => resolve(document, p));
    // Query parameters in lower camelCase.
    for (const parameter of parameters) {
      if (parameter.in === "query" && !LOWER_CAMEL.test(parameter.name)) report("nlgov:query-keys-camel-case", `paths.${path}.${method}`, `${parameter.name} is not lower camelCase.`);
    }
    // /core/problem-invalid-input: what takes input can say it is invalid.
    const takesInput = ["put", "post", "patch"].includes(method) || (["get", "delete"].includes(method) && parameters.length > 0);
    if (takesInput && !operation.responses?.["400"]) {
      report("nlgov:problem-invalid-input", `paths.${path}.${method}.responses`, "Declare a 400 response for invalid input.");
    }
  }

  for (const { at, status, response } of responses(document)) {
    // /core/version-header: every success and redirect answer declares the full version.
    if (/^[23]\d\d$/.test(status)) {
      if (!response.headers) report("nlgov:missing-header", at, "Return the full version number in a response header.");
      else if (!Object.keys(response.headers).some((name) => VERSION_HEADER.test(name))) report("nlgov:missing-version-header", `${at}.headers`, "Declare the API-Version header.");
    }
    // /core/problem-details: errors are problem details with status, title and detail.
    if (/^[45]\d\d$/.test(status)) {
      const content = response.content ?? {};
      const problemTypes = Object.keys(content).filter((type) => type === "application/problem+json" || type === "application/problem+xml");
      if (problemTypes.length === 0) report("nlgov:use-problem-schema", `${at}.content`, "An error answer must be application/problem+json.");
      for (const type of problemTypes) {
        const schema = resolve(document, content[type].schema);
        const members = Object.keys(schema?.properties ?? {});
        for (const member of ["status", "title", "detail"]) {
          if (!members.includes(member)) report("nlgov:problem-schema-members", `${at}.content.${type}.schema`, `The problem schema lacks ${member}.`);
        }
      }
    }
    // Every JSON answer is an object, so it can grow without breaking clients.
    for (const [type, media] of Object.entries(response.content ?? {})) {
      if (!/json/.test(type)) continue;
      const schema = resolve(document, (media as Json).schema);
      if (schema && schema.type !== "object") report("nlgov:always-return-objects", `${at}.content.${type}.schema`, "Wrap the content of every answer in an object.");
    }
  }

  // Schemas: names in UpperCamelCase; properties in lowerCamelCase with the formats the rules ask for.
  for (const name of Object.keys(document.components?.schemas ?? {})) {
    if (!UPPER_CAMEL.test(name)) report("nlgov:schema-camel-case", `components.schemas.${name}`, "Schema names are UpperCamelCase.");
  }
  const roots = [
    ...Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => ({ schema, at: `components.schemas.${name}` })),
    ...responses(document).flatMap(({ at, response }) =>
      Object.entries(response.content ?? {}).map(([type, media]) => ({ schema: (media as Json).schema, at: `${at}.content.${type}.schema` })),
    ),
  ];
  for (const { schema, at: rootAt } of roots) {
    for (const { name, property, at } of eachProperty(document, schema, rootAt)) {
      if (!LOWER_CAMEL.test(name)) report("nlgov:property-casing", at, "Properties are lowerCamelCase.");
      if (property?.format === "time") report("nlgov:time-without-timezone", at, "Use time-local, not time.");
      if (property?.format === "date-time-local") report("nlgov:date-time-ensure-timezone", at, "Use a date-time with a time zone.");
      if (DATE_NAME.test(name)) {
        if (!property?.format) report("nlgov:specify-format-for-date-and-time", at, "A date field must set format: date.");
        else if (property.format === "date-time") report("nlgov:use-date-instead-of-datetime", at, "A date field must use format: date.");
      }
      if (LANGUAGE_NAME.test(name) && property?.format !== "language") report("nlgov:specify-format-for-language-code", at, "A language field must set format: language.");
    }
  }
  return violations;
}

/** `nlgov:servers-use-https`: only for a document of an HTTPS installation (APP_URL https). */
export function lintHttpsServers(document: Json): Violation[] {
  return (document.servers ?? [])
    .filter((server: Json) => !/^https:\/\//.test(String(server.url)))
    .map((server: Json, index: number) => ({ rule: "nlgov:servers-use-https", at: `servers[${index}].url`, message: `Server URL ${server.url} must use https.` }));
}
