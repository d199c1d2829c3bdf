// A real OpenID Connect provider for Carnet's OIDC sign-in tests: the OpenID-certified `oidc-provider`, on loopback.
// Usage: node provider.mjs PORT CLIENT_ID CLIENT_SECRET REDIRECT_URI. Prints "ready <issuer>" once it listens.
// Its people sign in through the provider's own development login form (any password), by the names below; their
// `SubjectNameID` claim (scope `scope_all`), like Pro Santé Connect's, is "8" + the RPPS number.
import { generateKeyPairSync } from 'node:crypto';
import Provider from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const PEOPLE = {
  'dr-martin': { SubjectNameID: '810000000017', family_name: 'MARTIN', given_name: 'Alex' },
  'dr-inconnu': { SubjectNameID: '810000000025', family_name: 'INCONNU', given_name: 'Sam' },
  'dr-anne': { SubjectNameID: '810000000009', family_name: 'DURAND', given_name: 'Anne' },
  'sans-rpps': { family_name: 'SANS', given_name: 'Numéro' },
};

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };

const provider = new Provider(issuer, {
  clients: [{
    client_id: clientId,
    client_secret: clientSecret,
    redirect_uris: [redirectUri],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    id_token_signed_response_alg: 'RS256',
  }],
  jwks: { keys: [jwk] },
  cookies: { keys: ['carnet-oidc-test-only'] },
  pkce: { required: () => true },
  claims: { openid: ['sub'], scope_all: ['SubjectNameID', 'family_name', 'given_name'] },
  features: { devInteractions: { enabled: true } },
  async findAccount(ctx, id) {
    const person = PEOPLE[id];
    if (!person) return undefined;
    return { accountId: id, async claims() { return { sub: id, ...person }; } };
  },
});
provider.on('server_error', (ctx, err) => console.error('server_error', err));

provider.listen(Number(port), '127.0.0.1', () => {
  console.log(`ready ${issuer}`);
});
