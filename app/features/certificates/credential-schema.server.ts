/**
 * The Open Badges 3.0 AchievementCredential JSON schema check (JSON Schema 2019-09, as the OB 3.0
 * schemas are written), run on every credential before it is signed: an invalid credential is
 * never issued. The schema file is kept in the repository (schemas/), never fetched.
 */
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import schema from "./schemas/ob_v3p0_achievementcredential.schema.json";

const ajv = new Ajv2019({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The schema errors of a credential, empty when it is valid. */
export function achievementCredentialErrors(credential: unknown): string[] {
  if (validate(credential)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? "is invalid"}`);
}
