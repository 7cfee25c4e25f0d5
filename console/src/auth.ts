/**
 * The one place that knows how the console authenticates its calls. In the API's `none` security mode it adds
 * nothing. jwt mode brings the OpenID Connect sign-in (authorization code with PKCE) here: obtain the token, refresh it,
 * and return it as the Authorization header; every call of the console (fetches and event streams) goes through this.
 */
export async function authHeaders(): Promise<Record<string, string>> {
  return {};
}
