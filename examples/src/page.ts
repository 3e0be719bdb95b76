// The example page: each button calls one route through ShopEaseSession and prints the answer.
import { ApiProblem, type ProblemCode, ShopEaseSession } from "./shopease.js";

const apiBase = new URLSearchParams(location.search).get("api") ?? "http://localhost:5080";
const session = new ShopEaseSession(apiBase);

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (found === null) {
    throw new Error(`#${id} is missing from the page.`);
  }
  return found as T;
}

const output = element<HTMLPreElement>("output");
const state = element<HTMLSpanElement>("state");
const email = element<HTMLInputElement>("email");
const password = element<HTMLInputElement>("password");
const code = element<HTMLInputElement>("code");

function show(line: string): void {
  output.textContent = `${new Date().toLocaleTimeString()}  ${line}\n${output.textContent ?? ""}`;
  state.textContent = session.signedIn ? "signed in" : "signed out";
}

// Branch on `code`, never on `title`: the codes are an enum of the document, so a code this
// page relies on that the API stops sending is a compile error here.
function advice(code: ProblemCode): string {
  switch (code) {
    case "token_not_valid":
    case "not_authenticated":
      return "the session is over: log in again";
    case "csrf_failed":
      return "this page's CSRF token does not match the cookie's session: log in again";
    case "invalid_mfa_code":
      return "wrong or already used code: wait for the next one, or use a recovery code";
    case "email_not_verified":
      return "follow the link mailed to you first";
    case "rate_limited":
      return "too many attempts: wait a little";
    case "service_unavailable":
      return "the service is briefly away: try again shortly";
    default:
      return "";
  }
}

async function run(label: string, action: () => Promise<string>): Promise<void> {
  try {
    show(`${label}: ${await action()}`);
  } catch (failure) {
    const hint = failure instanceof ApiProblem ? advice(failure.problem.code) : "";
    show(`${label} failed: ${failure instanceof Error ? failure.message : String(failure)}${hint ? ` (${hint})` : ""}`);
  }
}

element("signup").addEventListener("click", () =>
  run("sign up", async () => {
    return (await session.signUp(email.value, password.value))
      ? "201, session started"
      : "201, account created: follow the link mailed to you, then log in";
  }),
);
element("login").addEventListener("click", () =>
  run("log in", async () =>
    (await session.logIn(email.value, password.value)) === "signedIn"
      ? "200, session started"
      : "200, enter the code from your authenticator app (or a recovery code)",
  ),
);
element("verify").addEventListener("click", () =>
  run("second factor", async () => {
    await session.logInWithCode(code.value);
    return "200, session started";
  }),
);
element("me").addEventListener("click", () => run("/me", async () => JSON.stringify(await session.me())));
element("refresh").addEventListener("click", () =>
  run("refresh", async () => {
    await session.refresh();
    return "200, new access token";
  }),
);
element("logout").addEventListener("click", () =>
  run("log out", async () => {
    await session.logOut();
    return "205, cookies cleared";
  }),
);

void run("resume", async () => ((await session.resume()) ? "resumed the session in the cookie" : "no session to resume"));
