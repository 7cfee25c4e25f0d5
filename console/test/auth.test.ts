import { describe, expect, it } from 'vitest';
import { type AuthEnv, type ConsoleConfig, ConsoleAuth, base64url, pkceChallenge, randomToken } from '../src/auth';

const ISSUER = 'https://issuer.example/realms/gorch';
const JWT: ConsoleConfig = { mode: 'jwt', issuer: ISSUER, clientId: 'gorch-console', scopes: 'openid gorch.read' };
const DISCOVERY = { authorization_endpoint: `${ISSUER}/authorize`, token_endpoint: `${ISSUER}/token` };

/** An access token whose payload says sub=alice (the signature is never checked by the console). */
const ALICE_TOKEN = `e30.${base64url(new TextEncoder().encode('{"sub":"alice"}'))}.sig`;

/** A browser tab: its storage, its address, and an issuer that answers discovery and the token request. */
function tab(href: string, tokenAnswer: object = { access_token: ALICE_TOKEN, expires_in: 300 }) {
  const items = new Map<string, string>();
  const requests: Array<{ url: string; body?: string }> = [];
  const visited: string[] = [];
  let address = href;
  const env: AuthEnv = {
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
    fetch: async (input, init) => {
      const url = String(input);
      requests.push({ url, body: init?.body?.toString() });
      const body = url.endsWith('/.well-known/openid-configuration') ? DISCOVERY : tokenAnswer;
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    },
    href: () => address,
    navigate: (url) => void visited.push(url),
    replace: (url) => void (address = url),
    now: () => 1_000_000,
  };
  return { env, requests, visited, address: () => address, go: (url: string) => void (address = url) };
}

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 appendix B', async () => {
    expect(await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes 43-character verifiers of the unreserved alphabet, each different', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });
});

describe('sign-in', () => {
  it('adds nothing in mode none, and never leaves the page', async () => {
    const browser = tab('https://gorch.example/#/submit');
    const auth = new ConsoleAuth({ mode: 'none' }, browser.env);

    expect(await auth.start()).toBe(true);
    expect(auth.headers()).toEqual({});
    expect(browser.visited).toEqual([]);
    expect(browser.requests).toEqual([]);
  });

  it('sends a tab without a token to the issuer with a PKCE S256 challenge and a state', async () => {
    const browser = tab('https://gorch.example/#/runs/t1');
    const auth = new ConsoleAuth(JWT, browser.env);

    expect(await auth.start()).toBe(false);
    const authorize = new URL(browser.visited[0]);
    expect(authorize.origin + authorize.pathname).toBe(DISCOVERY.authorization_endpoint);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code', client_id: 'gorch-console', redirect_uri: 'https://gorch.example/', scope: 'openid gorch.read',
      code_challenge_method: 'S256',
    });
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(auth.headers()).toEqual({});
  });

  it('trades the code for a token with the verifier, drops the code from the address and adds the bearer header', async () => {
    const browser = tab('https://gorch.example/#/runs/t1');
    const auth = new ConsoleAuth(JWT, browser.env);
    await auth.start();
    const authorize = new URL(browser.visited[0]);
    browser.go(`https://gorch.example/?code=c1&state=${authorize.searchParams.get('state')}`);
    const back = new ConsoleAuth(JWT, browser.env);

    expect(await back.start()).toBe(true);

    const token = new URLSearchParams(browser.requests.find((r) => r.url === DISCOVERY.token_endpoint)!.body);
    expect(token.get('grant_type')).toBe('authorization_code');
    expect(token.get('code')).toBe('c1');
    expect(await pkceChallenge(token.get('code_verifier')!)).toBe(authorize.searchParams.get('code_challenge'));
    expect(browser.address()).toBe('https://gorch.example/#/runs/t1');
    expect(back.headers()).toEqual({ Authorization: `Bearer ${ALICE_TOKEN}` });
    expect(back.subject()).toBe('alice');
  });

  it('refuses an answer whose state is not the one this tab sent', async () => {
    const browser = tab('https://gorch.example/');
    const auth = new ConsoleAuth(JWT, browser.env);
    await auth.start();
    browser.go('https://gorch.example/?code=c1&state=forged');
    const back = new ConsoleAuth(JWT, browser.env);

    await expect(back.start()).rejects.toThrow(/state/);
    expect(browser.requests.some((r) => r.url === DISCOVERY.token_endpoint)).toBe(false);
    expect(browser.address()).toBe('https://gorch.example/');
    expect(back.headers()).toEqual({});
  });

  it('signs in again, once, on 401s of an older token, not of one just obtained', async () => {
    const browser = tab('https://gorch.example/');
    const auth = new ConsoleAuth(JWT, browser.env);
    await auth.start();
    browser.go(`https://gorch.example/?code=c1&state=${new URL(browser.visited[0]).searchParams.get('state')}`);
    const back = new ConsoleAuth(JWT, browser.env);
    await back.start();

    expect(await back.unauthorized()).toBe(false);
    browser.env.now = () => 1_000_000 + 60_000;
    expect(await Promise.all([back.unauthorized(), back.unauthorized()])).toEqual([true, true]);
    expect(browser.visited).toHaveLength(2);
    expect(back.headers()).toEqual({});
  });
});
