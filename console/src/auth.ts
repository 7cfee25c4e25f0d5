/**
 * The one place that knows how the console authenticates its calls. The API says how at GET /console/config.json: in
 * its `none` security mode nothing is added; in `jwt` mode the console signs in at the API's OpenID Connect issuer
 * (authorization code with PKCE S256, as a public client), keeps the access token for this tab only (sessionStorage),
 * and every call of the console (fetches and event streams) carries it as a bearer token. A 401 signs in again.
 */

export type ConsoleConfig =
  | { mode: 'none' }
  | { mode: 'jwt'; issuer?: string; clientId: string; scopes: string };

/** The parts of the issuer's OpenID configuration the console uses. */
interface Endpoints {
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

interface Session {
  accessToken: string;
  idToken?: string;
  expiresAt: number;
  obtainedAt: number;
  subject: string;
}

/** What a sign-in in progress must find again when the issuer sends the browser back. */
interface Pending {
  state: string;
  verifier: string;
  returnTo: string;
}

/** What the browser gives; tests give their own. */
export interface AuthEnv {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  fetch: typeof fetch;
  /** The page's address now. */
  href(): string;
  /** Leaves the page for another address (the issuer's). */
  navigate(url: string): void;
  /** Changes the address without loading it (drops the code from it). */
  replace(url: string): void;
  now(): number;
}

const SESSION_KEY = 'gorch.console.session';
const PENDING_KEY = 'gorch.console.signin';
/** A token refused this soon after it was obtained is not stale: signing in again would loop. */
const FRESH_MS = 30_000;

/** base64url without padding (RFC 7636 appendix A). */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  bytes.forEach((b) => (binary += String.fromCharCode(b)));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)). */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** 32 random bytes as base64url: a 43-character verifier or state, as RFC 7636 recommends. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The claims of a JWT, unverified: only to show who is signed in (the API verifies the token). */
function claims(jwt: string): Record<string, unknown> {
  try {
    const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export class ConsoleAuth {
  private leaving: Promise<void> | undefined;

  constructor(
    readonly config: ConsoleConfig,
    private readonly env: AuthEnv,
  ) {}

  /**
   * Makes the console ready to call the API: completes a sign-in the issuer returned from, or starts one when there is
   * no valid token. Answers false when the page is leaving for the issuer.
   */
  async start(): Promise<boolean> {
    if (this.config.mode === 'none') {
      return true;
    }
    const url = new URL(this.env.href());
    if (url.searchParams.has('state')) {
      await this.complete(url);
      return true;
    }
    if (this.session()) {
      return true;
    }
    await this.signIn();
    return false;
  }

  /** The Authorization header of every call, or nothing in mode none. */
  headers(): Record<string, string> {
    const session = this.config.mode === 'jwt' ? this.session() : undefined;
    return session ? { Authorization: `Bearer ${session.accessToken}` } : {};
  }

  /** Who is signed in, in mode jwt. */
  subject(): string | undefined {
    return this.session()?.subject;
  }

  /**
   * Leaves for the issuer's sign-in page; it comes back to this page's address with a code. Once per page: the streams and
   * calls that meet a 401 together must not each store a state of their own and race to the issuer with another.
   */
  signIn(): Promise<void> {
    this.leaving ??= this.redirect().catch((error: unknown) => {
      this.leaving = undefined;
      throw error;
    });
    return this.leaving;
  }

  private async redirect(): Promise<void> {
    const config = this.jwtConfig();
    const endpoints = await this.endpoints();
    const pending: Pending = { state: randomToken(), verifier: randomToken(), returnTo: new URL(this.env.href()).hash };
    this.env.storage.setItem(PENDING_KEY, JSON.stringify(pending));
    const authorize = new URL(endpoints.authorization_endpoint);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: this.redirectUri(),
      scope: config.scopes,
      state: pending.state,
      code_challenge: await pkceChallenge(pending.verifier),
      code_challenge_method: 'S256',
    }).toString();
    this.env.navigate(authorize.toString());
  }

  /**
   * The API refused the token (401): an expired or revoked one is replaced by signing in again. Answers false when the
   * token was just obtained: the API does not accept this issuer's tokens (its audience, say), and another sign-in would
   * only bring the same.
   */
  async unauthorized(): Promise<boolean> {
    if (this.config.mode === 'none') {
      return false;
    }
    const session = this.session();
    if (session && this.env.now() - session.obtainedAt < FRESH_MS) {
      return false;
    }
    this.env.storage.removeItem(SESSION_KEY);
    await this.signIn();
    return true;
  }

  /** Forgets the token, and ends the issuer's session too when it says how. */
  async signOut(): Promise<void> {
    const session = this.session();
    this.env.storage.removeItem(SESSION_KEY);
    const end = (await this.endpoints()).end_session_endpoint;
    if (!end) {
      this.env.navigate(this.redirectUri());
      return;
    }
    const logout = new URL(end);
    logout.search = new URLSearchParams({
      client_id: this.jwtConfig().clientId,
      post_logout_redirect_uri: this.redirectUri(),
      ...(session?.idToken ? { id_token_hint: session.idToken } : {}),
    }).toString();
    this.env.navigate(logout.toString());
  }

  /** The issuer's answer: the code for a token, if the state is the one this tab sent. */
  private async complete(url: URL): Promise<void> {
    const pending = JSON.parse(this.env.storage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
    this.env.storage.removeItem(PENDING_KEY);
    this.env.replace(this.redirectUri() + (pending?.returnTo ?? ''));
    if (!pending || url.searchParams.get('state') !== pending.state) {
      throw new Error('Sign-in refused: its state is not the one this page sent. Sign in again.');
    }
    const error = url.searchParams.get('error');
    if (error) {
      throw new Error(`The issuer refused the sign-in: ${url.searchParams.get('error_description') ?? error}`);
    }
    const response = await this.env.fetch((await this.endpoints()).token_endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: url.searchParams.get('code') ?? '',
        redirect_uri: this.redirectUri(),
        client_id: this.jwtConfig().clientId,
        code_verifier: pending.verifier,
      }),
    });
    const tokens = (await response.json()) as { access_token?: string; id_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !tokens.access_token) {
      throw new Error(`The issuer gave no token: ${tokens.error ?? `HTTP ${response.status}`}`);
    }
    const now = this.env.now();
    const session: Session = {
      accessToken: tokens.access_token,
      idToken: tokens.id_token,
      obtainedAt: now,
      expiresAt: now + (tokens.expires_in ?? 300) * 1000,
      subject: String(claims(tokens.access_token).sub ?? claims(tokens.id_token ?? '').sub ?? 'unknown'),
    };
    this.env.storage.setItem(SESSION_KEY, JSON.stringify(session));
  }

  private session(): Session | undefined {
    const session = JSON.parse(this.env.storage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return session && session.expiresAt > this.env.now() ? session : undefined;
  }

  private jwtConfig(): Extract<ConsoleConfig, { mode: 'jwt' }> {
    if (this.config.mode !== 'jwt' || !this.config.issuer) {
      throw new Error('The API names no OpenID Connect issuer (gorch.security.jwt.issuer-uri): the console cannot sign in.');
    }
    return this.config;
  }

  private async endpoints(): Promise<Endpoints> {
    const issuer = this.jwtConfig().issuer!.replace(/\/$/, '');
    const response = await this.env.fetch(`${issuer}/.well-known/openid-configuration`, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`The issuer's OpenID configuration is not readable: HTTP ${response.status}`);
    }
    return (await response.json()) as Endpoints;
  }

  /** The console's own address, without query or route: what the issuer has registered (https://<api>/). */
  private redirectUri(): string {
    const url = new URL(this.env.href());
    return url.origin + url.pathname;
  }
}

let current = new ConsoleAuth({ mode: 'none' }, browserEnv());

function browserEnv(): AuthEnv {
  return {
    storage: globalThis.sessionStorage,
    fetch: (...args) => fetch(...args),
    href: () => location.href,
    navigate: (url) => location.assign(url),
    replace: (url) => history.replaceState(null, '', url),
    now: () => Date.now(),
  };
}

/** Reads how the API wants to be called, and signs in if it must. False: the page is leaving for the issuer. */
export async function startAuth(): Promise<boolean> {
  const response = await fetch('/console/config.json', { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`The API's console configuration is not readable: HTTP ${response.status}`);
  }
  current = new ConsoleAuth((await response.json()) as ConsoleConfig, browserEnv());
  return current.start();
}

export function auth(): ConsoleAuth {
  return current;
}

export async function authHeaders(): Promise<Record<string, string>> {
  return current.headers();
}
