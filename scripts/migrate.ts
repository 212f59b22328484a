/**
 * `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL, as that URL's role (the database owner; the Worker's
 * insurance_app role may not create tables). Neon is reached directly, a server on this machine through a relay.
 *
 * @example
 *   DATABASE_URL=postgres://owner:secret@127.0.0.1:5432/insurance_navigator npm run db:migrate
 */
import { describeUrl, isLoopbackUrl, migrateDatabase } from "./lib/neon-node.ts";

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error(
    "db:migrate: DATABASE_URL is not set. Set it to the owner's connection string, e.g.\n" +
      "  DATABASE_URL=postgres://owner:password@127.0.0.1:5432/insurance_navigator npm run db:migrate\n" +
      "(`npm start` without DATABASE_URL migrates its embedded database by itself.)",
  );
  process.exit(2);
}

const where = `${describeUrl(databaseUrl)} (${isLoopbackUrl(databaseUrl) ? "local, through a relay" : "direct"})`;
try {
  const applied = await migrateDatabase(databaseUrl);
  if (applied.length === 0) console.log(`db:migrate: ${where} is up to date`);
  else console.log(`db:migrate: applied to ${where}:\n${applied.map((tag) => `  ${tag}`).join("\n")}`);
} catch (error) {
  console.error(`db:migrate: failed on ${where}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
