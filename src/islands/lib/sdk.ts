/**
 * The PocketBase JS SDK, for the account forms only (Account.svelte, AccountLink.svelte and their
 * parts): sign-in, sign-up, password reset, address confirmation and change, account deletion,
 * the flows the SDK implements. It keeps the sign-in in localStorage ("pocketbase_auth"), where
 * lib/backend.ts reads it; every other page uses that smaller client and loads none of the SDK
 * (tests/build/page-weight.test.ts checks the build).
 */
import PocketBase from 'pocketbase';

let client: PocketBase | undefined;

export function sdk(): PocketBase {
  client ??= new PocketBase(window.location.origin);
  client.autoCancellation(false);
  return client;
}
