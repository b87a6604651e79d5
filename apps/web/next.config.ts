import type { NextConfig } from 'next';

const config: NextConfig = {
  reactStrictMode: true,
  // Lets two dev servers share one checkout without sharing a build folder.
  distDir: process.env.RACINE_NEXT_DIST_DIR || '.next',
  // Internal packages export TypeScript source; Next compiles them with the app.
  transpilePackages: ['@racine/ui', '@racine/api', '@racine/services', '@racine/db'],
  // Native addons, drivers and WASM stay as runtime `require`s on the server instead of being bundled.
  serverExternalPackages: [
    '@prisma/client',
    '@prisma/adapter-pg',
    '@node-rs/argon2',
    'pg',
    'pg-native',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    'graphile-worker',
    'better-sqlite3',
    'mysql2',
    're2js',
    'libphonenumber-js',
    '@faker-js/faker',
    // The scan classification pool resolves tsx for its worker threads (never used in this server); bundling tsx pulls in esbuild's binary.
    'tsx',
    'esbuild',
  ],
  poweredByHeader: false,
};

export default config;
