import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Separate build folders let several builds (for example parallel test runs) coexist.
  buildDirectory: process.env.BUILD_DIR ?? "build",
  future: {},
} satisfies Config;
