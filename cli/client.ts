// The console's REST API as `haops` calls it: HAOPS_URL and HAOPS_TOKEN (or --url, --token), JSON
// both ways, and a refusal in the API's error shape turned into words.
import { CliError } from "./exit.ts";

export interface ApiRefusal {
  error: string;
  message: string;
  field?: string;
  guards?: { id: string; ok: boolean; reason: string; overridable: boolean }[];
}

/** The console answered with an error status: its status and its body. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly body: ApiRefusal,
  ) {
    super(`${body.message} (HTTP ${status}${body.error ? ` ${body.error}` : ""})`);
  }
}

export interface Client {
  get<T>(path: string, query?: Record<string, string | number | undefined>): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

const HINT_401 = "The console refused the token: check HAOPS_TOKEN or --token (an API token an admin made).";

export function apiClient(settings: { url?: string; token?: string }): Client {
  const { url, token } = settings;
  if (!url) throw new CliError("Say where the console is: HAOPS_URL or --url (e.g. https://console.example.com).");
  if (!token) throw new CliError("Give an API token: HAOPS_TOKEN or --token (an admin makes them on the Tokens page).");
  const base = url.replace(/\/+$/, "");
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(`${base}/api/v1${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`Cannot reach the console at ${base}: ${cause?.code ?? cause?.message ?? String(error)}.`);
    }
    const text = await response.text();
    const parsed = text ? safeJson(text) : null;
    if (response.ok) return parsed as T;
    const refusal = isRefusal(parsed) ? parsed : { error: "", message: text.trim() || response.statusText };
    if (response.status === 401) refusal.message = `${HINT_401} ${refusal.message}`;
    throw new ApiError(response.status, refusal);
  }
  return {
    get: (path, query = {}) => {
      const pairs = Object.entries(query).filter((pair): pair is [string, string | number] => pair[1] !== undefined);
      const search = new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString();
      return call("GET", search ? `${path}?${search}` : path);
    },
    post: (path, body) => call("POST", path, body),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const isRefusal = (value: unknown): value is ApiRefusal =>
  typeof value === "object" && value !== null && typeof (value as ApiRefusal).message === "string";
