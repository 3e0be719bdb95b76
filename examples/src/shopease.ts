// The ShopEase API for a web page in browser mode, through a client typed from the API's own
// OpenAPI document (generated/shopease-api.d.ts, written by check.sh or `npm run generate`).
// When the document changes in a way this code does not expect, tsc says where.
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "../generated/shopease-api";

export type Problem = components["schemas"]["ProblemDetails"];
export type ProblemCode = Problem["code"];
export type CurrentUser = components["schemas"]["CurrentUserDto"];
/** What sign-up and login answer: body mode (with `refresh`) or browser mode (with `csrfToken`). */
type SignIn = components["schemas"]["AuthResult"] | components["schemas"]["BrowserAuthResponse"];
/** Login of an account with a second factor: no tokens yet, only the token for `/login/mfa`. */
type MfaRequired = components["schemas"]["MfaRequiredResult"];

/** Where a login stands: signed in, or waiting for a code from the authenticator app (or a recovery code). */
export type LoginState = "signedIn" | "codeRequired";

/** A failed call: the API's problem body, whose `code` is one of the codes the document lists. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    const fields = Object.entries(problem.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
    super(`${problem.status} ${problem.code}: ${problem.title}${fields.length > 0 ? ` (${fields.join("; ")})` : ""}`);
  }
}

/** Browser mode: the refresh token stays in an HttpOnly cookie, never in this page. */
const cookieMode = { "X-Token-Transport": "cookie" } as const;

/** Readable by this page (not HttpOnly): lets a reloaded page resume its session. */
const csrfCookie = "__Host-shopease-csrf";

export class ShopEaseSession {
  // Both in memory only: never localStorage, never a cookie of this page's own.
  private access: string | null = null;
  private csrfToken: string | null = null;
  // The second step's token: single use, dead after 5 minutes or 5 wrong codes.
  private mfaToken: string | null = null;
  private readonly client;

  constructor(baseUrl: string) {
    this.client = createClient<paths>({ baseUrl, credentials: "include" });
    const bearer: Middleware = {
      onRequest: ({ request }) => {
        if (this.access !== null) {
          request.headers.set("Authorization", `Bearer ${this.access}`);
        }
        return request;
      },
    };
    this.client.use(bearer);
  }

  get signedIn(): boolean {
    return this.access !== null;
  }

  /**
   * `false` when the API requires a verified email first: the account exists but no session was
   * started; follow the mailed link, then log in.
   */
  async signUp(email: string, password: string): Promise<boolean> {
    const { data, error } = await this.client.POST("/api/auth/register", {
      params: { header: cookieMode },
      body: { email, password },
    });
    if (data !== undefined && !("access" in data)) {
      return false;
    }
    this.keep(data, error);
    return true;
  }

  async logIn(email: string, password: string): Promise<LoginState> {
    const { data, error } = await this.client.POST("/api/auth/login", {
      params: { header: cookieMode },
      body: { email, password },
    });
    // Narrowed by shape, so that the second-factor answer losing mfaToken is a type error here.
    if (data !== undefined && "mfaToken" in data) {
      this.mfaToken = (data satisfies MfaRequired).mfaToken;
      return "codeRequired";
    }
    this.keep(data, error);
    return "signedIn";
  }

  /** The second step of a login: a 6-digit code from the app, or a recovery code (`abcde-fghij`). */
  async logInWithCode(code: string): Promise<void> {
    if (this.mfaToken === null) {
      throw new Error("Log in with email and password first.");
    }
    const factor = /^\s*\d{3}\s?\d{3}\s*$/.test(code) ? { code } : { recoveryCode: code };
    const { data, error } = await this.client.POST("/api/auth/login/mfa", {
      params: { header: cookieMode },
      body: { mfaToken: this.mfaToken, ...factor },
    });
    if (error?.code !== "invalid_mfa_code") {
      this.mfaToken = null; // signed in, or the token is spent: start again from the password
    }
    this.keep(data, error);
  }

  async me(): Promise<CurrentUser> {
    const { data, error } = await this.client.GET("/api/auth/me");
    if (error !== undefined) {
      throw new ApiProblem(error);
    }
    return data;
  }

  /** A new access token for the cookie's session, e.g. before expiresIn runs out or after a 401. */
  async refresh(): Promise<void> {
    const { data, error } = await this.client.POST("/api/auth/token/refresh", {
      params: { header: this.csrfHeaders() },
    });
    if (error !== undefined) {
      throw new ApiProblem(error);
    }
    // Narrowed per route, so that a browser-mode shape losing csrfToken is a type error here.
    if (!("csrfToken" in data)) {
      throw new Error("The API answered in body mode; this page asked for browser mode.");
    }
    this.access = data.access;
    this.csrfToken = data.csrfToken;
  }

  /** After a reload: the CSRF token is still in its readable cookie, the refresh token in its HttpOnly one. */
  async resume(): Promise<boolean> {
    const saved = document.cookie
      .split("; ")
      .find((c) => c.startsWith(`${csrfCookie}=`))
      ?.slice(csrfCookie.length + 1);
    if (saved === undefined) {
      return false;
    }
    this.csrfToken = decodeURIComponent(saved);
    await this.refresh();
    return true;
  }

  async logOut(): Promise<void> {
    const { response, error } = await this.client.POST("/api/auth/logout", {
      params: { header: this.csrfHeaders() },
    });
    if (error !== undefined) {
      throw new ApiProblem(error);
    }
    if (response.status !== 205) {
      throw new Error(`Logout answered ${response.status}, not 205.`);
    }
    this.access = this.csrfToken = null;
  }

  private keep(data: SignIn | undefined, error: Problem | undefined): void {
    if (error !== undefined) {
      throw new ApiProblem(error);
    }
    if (data === undefined || !("csrfToken" in data)) {
      throw new Error("The API answered in body mode; this page asked for browser mode.");
    }
    this.access = data.access;
    this.csrfToken = data.csrfToken;
  }

  /** Refresh and logout in browser mode: the cookie carries the refresh token, this header proves the page. */
  private csrfHeaders() {
    if (this.csrfToken === null) {
      throw new Error("Sign up or log in first.");
    }
    return { ...cookieMode, "X-CSRF-Token": this.csrfToken };
  }
}
