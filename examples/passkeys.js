// Passkeys against the ShopEase API in browser mode, in plain JavaScript: no build step.
// The API sends WebAuthn's JSON forms, which PublicKeyCredential.parse…FromJSON turn into what
// navigator.credentials wants, and the credential's toJSON() is what the API takes back.
// The API is at ?api=… (default http://localhost:5080); the page must be served from an origin in
// the API's Passkeys__Origins and Cors__AllowedOrigins (default http://localhost:3000).

const api = new URLSearchParams(location.search).get("api") ?? "http://localhost:5080";
const cookieMode = { "X-Token-Transport": "cookie" };

// In memory only: the refresh token stays in the API's HttpOnly cookie.
let access = null;
let csrfToken = null;

const $ = (id) => document.getElementById(id);

function show(line) {
  $("output").textContent = `${line}\n${$("output").textContent}`;
  $("state").textContent = access === null ? "signed out" : "signed in";
}

class ApiProblem extends Error {
  constructor(problem) {
    super(`${problem.status} ${problem.code}: ${problem.title}`);
    this.name = "ApiProblem";
    this.problem = problem;
  }
}

async function call(method, path, { body, headers = {} } = {}) {
  const response = await fetch(`${api}${path}`, {
    method,
    credentials: "include",
    headers: {
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(access === null ? {} : { Authorization: `Bearer ${access}` }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = response.status === 204 || response.status === 205 ? null : await response.json();
  if (!response.ok) {
    throw new ApiProblem(answer);
  }
  return answer;
}

function keep(session) {
  access = session.access;
  csrfToken = session.csrfToken;
}

async function signUp() {
  keep(await call("POST", "/api/auth/register", {
    headers: cookieMode,
    body: { email: $("email").value, password: $("password").value },
  }));
  return "201, signed up and signed in";
}

async function addPasskey() {
  const options = await call("POST", "/api/auth/passkeys/register/options");
  const credential = await navigator.credentials.create({
    publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options),
  });
  const passkey = await call("POST", "/api/auth/passkeys/register", {
    body: { credential: credential.toJSON(), name: $("passkey-name").value },
  });
  return `201, passkey "${passkey.name}" registered (${passkey.id})`;
}

async function listPasskeys() {
  const passkeys = await call("GET", "/api/auth/passkeys");
  return `200, ${passkeys.length} passkey(s): ${passkeys.map((p) => p.name).join(", ")}`;
}

async function me() {
  const user = await call("GET", "/api/auth/me");
  return `200, ${user.email}`;
}

async function signOut() {
  await call("POST", "/api/auth/logout", { headers: { ...cookieMode, "X-CSRF-Token": csrfToken ?? "" } });
  access = csrfToken = null;
  return "205, signed out";
}

// Discoverable credentials: no email asked, the authenticator offers the passkeys it holds for this RP.
async function passkeyLogin() {
  const { flowId, options } = await call("POST", "/api/auth/passkeys/login/options", { body: {} });
  const credential = await navigator.credentials.get({
    publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options),
  });
  keep(await call("POST", "/api/auth/passkeys/login", {
    headers: cookieMode,
    body: { flowId, credential: credential.toJSON() },
  }));
  return "200, signed in with a passkey";
}

function button(id, label, action) {
  $(id).addEventListener("click", async () => {
    try {
      show(`${label}: ${await action()}`);
    } catch (failure) {
      show(`${label} failed: ${failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure)}`);
    }
  });
}

button("signup", "sign up", signUp);
button("add-passkey", "add passkey", addPasskey);
button("list-passkeys", "list passkeys", listPasskeys);
button("me", "who am I", me);
button("logout", "sign out", signOut);
button("passkey-login", "passkey sign-in", passkeyLogin);
show(`ready: API ${api}`);
