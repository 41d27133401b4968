// `npm run admin`: see admin-cli.ts.
import { main } from "./admin-cli.ts";

main(process.argv.slice(2), process.env).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
