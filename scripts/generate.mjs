// Root postinstall (npm ci / npm install): generate the Prisma client, which
// is git-ignored (packages/db/src/generated/prisma).
import { generatePrismaClient } from './lib/common.mjs';

try {
  await generatePrismaClient();
} catch (error) {
  console.error(`[racine] ${error.message}`);
  process.exit(1);
}
