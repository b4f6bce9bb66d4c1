// A frontend team's first client of Casebook: every type below comes from the gateway's OpenAPI document
// (npx openapi-typescript http://localhost:8080/q/openapi?format=json -o api.d.ts); none is written by hand.
import createClient from "openapi-fetch";
import type { components, paths } from "./api";

// The two things of Node.js this example uses, without pulling in all of @types/node.
declare const process: { env: Record<string, string | undefined>; exit(code: number): never };

type Problem = components["schemas"]["Problem"];
type CaseStudy = components["schemas"]["CaseStudyView"];

// JSON only (application/json and application/problem+json): the same read also answers text/markdown and text/html.
const client = createClient<paths, `${string}/${string}json`>({ baseUrl: process.env.CASEBOOK_URL ?? "http://localhost:8080" });

/** Every error is a problem (RFC 9457): say it the way a user can act on it. */
function explain(problem: Problem): string {
  const fields = (problem.errors ?? []).map((error) => `${error.field} ${error.message}`).join("; ");
  return `${problem.status} ${problem.title}: ${problem.detail ?? ""}${fields ? ` (${fields})` : ""} [request ${problem.requestId}]`;
}

async function story(username: string, password: string): Promise<string> {
  const login = await client.POST("/api/auth/login", { body: { username, password } });
  if (login.error) throw new Error(explain(login.error));
  const headers = { Authorization: `Bearer ${login.data.accessToken}` };

  const list = await client.GET("/api/case-studies", { params: { query: { q: "latency", size: 5 } } });
  if (list.error) throw new Error(explain(list.error));

  const created = await client.POST("/api/case-studies", {
    headers,
    body: { title: `Typed client ${Date.now()}`, summary: "Started by openapi-fetch." },
  });
  if (created.error) throw new Error(explain(created.error));
  const id: string = created.data.id;

  const read = await client.GET("/api/case-studies/{idOrSlug}", { headers, params: { path: { idOrSlug: id } } });
  if (read.error) throw new Error(explain(read.error));
  const study: CaseStudy = read.data;
  const etag = read.response.headers.get("ETag") ?? "";

  // Edit with the ETag read: saved. The same ETag again is stale: 412, a problem saying so.
  const patch = (summary: string) => client.PATCH("/api/case-studies/{idOrSlug}", {
    params: { path: { idOrSlug: id }, header: { "If-Match": etag } },
    headers: { ...headers, "Content-Type": "application/merge-patch+json" },
    body: { summary },
  });
  const edited = await patch(`${study.summary} Edited once.`);
  if (edited.error) throw new Error(explain(edited.error));
  const stale = await patch("This edit would overwrite the first one.");
  const refused = stale.error ? explain(stale.error) : "not refused";
  return `listed ${list.data.total}; created ${study.slug} at version ${study.version}; edited to version ${edited.data.version}; stale edit: ${refused}`;
}

story(process.env.CASEBOOK_USERNAME ?? "admin", process.env.CASEBOOK_PASSWORD ?? "").then(
  (line) => console.log(line),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
