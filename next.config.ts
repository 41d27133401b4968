import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The pg driver and Prisma's runtime are Node packages: load them, do not bundle them.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@prisma/client"],
};

export default config;
