import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./server/security/csp.ts";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The pg driver and Prisma's runtime are Node packages: load them, do not bundle them.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default config;
