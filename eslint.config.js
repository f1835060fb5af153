// Lint rules, including the import direction between layers:
//   routes → features → components → lib   (server/ and tests/ may use everything)
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const layerRule = (forbidden, why) => ({
  "no-restricted-imports": [
    "error",
    {
      patterns: forbidden.map((layer) => ({
        group: [`~/${layer}/*`, `~/${layer}`, `../${layer}/*`, `../../${layer}/*`],
        message: `Imports flow one way: routes → features → components → lib. ${why}`,
      })),
    },
  ],
});

export default tseslint.config(
  { ignores: ["build/", "build-*/", "test-results/", "node_modules/", ".react-router/", "data/", "bench/results/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", setTimeout: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      "no-control-regex": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
    },
  },
  {
    files: ["app/lib/**"],
    rules: layerRule(["routes", "features", "components"], "lib/ is infrastructure and knows nothing of the domain or the UI."),
  },
  {
    files: ["app/components/**"],
    rules: layerRule(["routes", "features"], "Shared components receive data as props; they do not reach into domain modules."),
  },
  {
    files: ["app/features/**"],
    rules: layerRule(["routes"], "Domain modules never depend on pages; pages call the domain."),
  },
  {
    // The tenant scope is a branded type that only the authorisation gate may create.
    files: ["app/**/*.ts", "app/**/*.tsx", "server/**/*.ts"],
    ignores: ["app/features/authorization/gate.server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression > TSTypeReference[typeName.name=/^(MunicipalityId|NetworkScope)$/]",
          message: "Only the authorisation gate (features/authorization/gate.server.ts) may create a MunicipalityId or NetworkScope.",
        },
      ],
    },
  },
);
