import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { migrationAdapterFactory } from './src/migration-adapter';

// `generate` needs no database, but Prisma 6.19 reads the schema's env("DATABASE_URL")
// to learn the engine type and falls back to downloading a native engine when it is
// unset. A placeholder keeps `generate` offline; migrate commands get the real URL.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/racine';
const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  engine: 'js',
  experimental: { adapter: true },
  adapter: async () => migrationAdapterFactory(url) as never,
});
