/**
 * `node --import tsx packages/services/src/seed/run.ts`: seeds the database
 * at DATABASE_URL. Prints the sign-in; a generated password is printed once.
 */
import { createDb } from '@racine/db';
import { InProcessBus } from '../events/bus';
import { seed } from './seed';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('seed: DATABASE_URL is not set');
  process.exit(1);
}
const db = createDb(url, { max: 2 });
try {
  const result = await seed({ db, bus: new InProcessBus(), clock: () => new Date() }, { adminEmail: process.env.RACINE_ADMIN_EMAIL, adminPassword: process.env.RACINE_ADMIN_PASSWORD, dataDir: process.env.RACINE_DATA_DIR });
  if (result.createdAdmin) console.log(`seed: created the bootstrap admin ${result.adminEmail} and the demo workspace`);
  if (result.generatedPassword) console.log(`seed: generated admin password (shown once): ${result.generatedPassword}`);
  // One machine-readable line for scripts/start.mjs.
  console.log(JSON.stringify({ racineSeed: result }));
} finally {
  await db.$disconnect();
}
