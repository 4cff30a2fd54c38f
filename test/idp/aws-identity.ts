/**
 * The AWS side of a Cognito user pool, emulated on one loopback origin, for the SDK clients to be
 * pointed at with `AWS_ENDPOINT_URL_COGNITO_IDENTITY` and `AWS_ENDPOINT_URL_STS`:
 * - an Identity Pool (Cognito Identity, AWS JSON 1.1, `X-Amz-Target`): `GetId` and
 *   `GetCredentialsForIdentity` take the pool's ID token under `Logins`, checked as AWS does
 *   (signature, issuer = the login key, audience = an app client the identity pool lists, not
 *   expired), and hand out temporary credentials for the authenticated role, or for
 *   `CustomRoleArn` when the identity pool allows it;
 * - STS `GetCallerIdentity` (the query protocol), which answers only a request whose SigV4
 *   signature checks out with credentials issued here — checked with AWS's own signing library.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { JWTPayload } from 'jose';
import { closeServer, listen } from '../../main/core/loopback/http-server.ts';
import { readBody } from '../support/http.ts';

/** What the identity pool needs of the user pool it trusts. */
export interface TrustedUserPool {
  /** The login key: the issuer without its scheme, `cognito-idp.<region>.amazonaws.com/<poolId>`. */
  providerName: string;
  /** The app clients the identity pool lists for that user pool. */
  clientIds: string[];
  /** Checks an ID token's signature and lifetime; undefined when it is not the pool's. */
  verify(token: string): Promise<JWTPayload | undefined>;
}

export const ACCOUNT_ID = '123456789012';
export const AUTHENTICATED_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/Cognito_EmulatorAuth_Role`;
export const ADMINS_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/Cognito_EmulatorAdmins_Role`;

interface Issued {
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: number;
  roleArn: string;
  identityId: string;
}

export class AwsIdentityEmulator {
  readonly identityPoolId: string;
  /** Credential lifetime in seconds (Cognito Identity: 1 hour). */
  credentialSeconds = 3600;
  /** How many times each operation was called. */
  readonly calls: Record<string, number> = {};
  private readonly server: Server;
  private port = 0;
  private readonly identities = new Map<string, string>();
  private readonly issued = new Map<string, Issued>();

  constructor(
    private readonly region: string,
    private readonly pool: TrustedUserPool,
    /** Roles a `CustomRoleArn` may name (the identity pool's role rules). */
    private readonly allowedRoles: string[] = [AUTHENTICATED_ROLE, ADMINS_ROLE],
  ) {
    this.identityPoolId = `${region}:${randomUUID()}`;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port = await listen(this.server, 0, '127.0.0.1');
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** Ends every credential issued so far (as if their session were revoked). */
  expireAllCredentials(): void {
    for (const issued of this.issued.values()) issued.expiresAt = 0;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const target = req.headers['x-amz-target'];
    try {
      if (typeof target === 'string') return await this.cognitoIdentity(target, body, res);
      const form = new URLSearchParams(body);
      if (form.get('Action') === 'GetCallerIdentity') return await this.getCallerIdentity(req, body, res);
      stsError(res, 400, 'InvalidAction', 'Could not find operation');
    } catch (error) {
      sendJson(res, 500, { __type: 'InternalErrorException', message: String(error) });
    }
  }

  // ── Cognito Identity ───────────────────────────────────────────────────────────────────────

  private async cognitoIdentity(target: string, body: string, res: ServerResponse): Promise<void> {
    const operation = target.replace(/^AWSCognitoIdentityService\./, '');
    this.calls[operation] = (this.calls[operation] ?? 0) + 1;
    const input = JSON.parse(body || '{}') as {
      IdentityPoolId?: string;
      IdentityId?: string;
      Logins?: Record<string, string>;
      CustomRoleArn?: string;
    };
    const subject = await this.checkLogins(input.Logins, res);
    if (!subject) return;
    if (operation === 'GetId') {
      if (input.IdentityPoolId !== this.identityPoolId)
        return awsError(
          res,
          'ResourceNotFoundException',
          `IdentityPool '${input.IdentityPoolId}' not found.`,
        );
      return sendJson(res, 200, { IdentityId: this.identityIdFor(subject) });
    }
    if (operation === 'GetCredentialsForIdentity') {
      if (input.IdentityId !== this.identityIdFor(subject))
        return awsError(
          res,
          'NotAuthorizedException',
          'Logins don’t match. Please include at least one valid login for this identity or identity pool.',
        );
      const roleArn = input.CustomRoleArn ?? AUTHENTICATED_ROLE;
      if (!this.allowedRoles.includes(roleArn))
        return awsError(
          res,
          'NotAuthorizedException',
          'The role requested is not allowed for this identity.',
        );
      return sendJson(res, 200, {
        IdentityId: input.IdentityId,
        Credentials: this.issue(input.IdentityId, roleArn),
      });
    }
    awsError(res, 'UnknownOperationException', `Unknown operation ${operation}`);
  }

  /** The subject of the one login the identity pool trusts, or undefined (answered with an error). */
  private async checkLogins(
    logins: Record<string, string> | undefined,
    res: ServerResponse,
  ): Promise<string | undefined> {
    const token = logins?.[this.pool.providerName];
    if (!token) {
      awsError(
        res,
        'NotAuthorizedException',
        'Unauthenticated access is not supported for this identity pool.',
      );
      return undefined;
    }
    const claims = await this.pool.verify(token);
    if (!claims) {
      awsError(res, 'NotAuthorizedException', 'Invalid login token. Token expired or signature invalid.');
      return undefined;
    }
    if (
      claims.iss !== `https://${this.pool.providerName}` &&
      !String(claims.iss).endsWith(`//${this.pool.providerName}`)
    ) {
      awsError(res, 'NotAuthorizedException', "Invalid login token. Issuer doesn't match providerName");
      return undefined;
    }
    if (!this.pool.clientIds.includes(String(claims.aud))) {
      awsError(res, 'NotAuthorizedException', 'Invalid login token. Incorrect token audience.');
      return undefined;
    }
    return String(claims.sub);
  }

  private identityIdFor(subject: string): string {
    let id = this.identities.get(subject);
    if (!id) {
      id = `${this.region}:${randomUUID()}`;
      this.identities.set(subject, id);
    }
    return id;
  }

  private issue(identityId: string, roleArn: string): Record<string, unknown> {
    const accessKeyId = `ASIA${randomBytes(8).toString('hex').toUpperCase()}`;
    const issued: Issued = {
      secretAccessKey: randomBytes(30).toString('base64'),
      sessionToken: randomBytes(96).toString('base64'),
      expiresAt: Date.now() + this.credentialSeconds * 1000,
      roleArn,
      identityId,
    };
    this.issued.set(accessKeyId, issued);
    return {
      AccessKeyId: accessKeyId,
      SecretKey: issued.secretAccessKey,
      SessionToken: issued.sessionToken,
      // AWS JSON 1.1 timestamps are epoch seconds.
      Expiration: issued.expiresAt / 1000,
    };
  }

  // ── STS ────────────────────────────────────────────────────────────────────────────────────

  private async getCallerIdentity(req: IncomingMessage, body: string, res: ServerResponse): Promise<void> {
    this.calls.GetCallerIdentity = (this.calls.GetCallerIdentity ?? 0) + 1;
    const authorization = req.headers.authorization ?? '';
    const parsed =
      /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        authorization,
      );
    if (!parsed)
      return stsError(res, 403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
    const [, accessKeyId = '', , region = '', service = '', signedHeaders = '', signature = ''] = parsed;
    const issued = this.issued.get(accessKeyId);
    if (!issued)
      return stsError(
        res,
        403,
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    if (req.headers['x-amz-security-token'] !== issued.sessionToken)
      return stsError(
        res,
        403,
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    if (issued.expiresAt <= Date.now())
      return stsError(res, 403, 'ExpiredToken', 'The security token included in the request is expired');
    const expected = await expectedSignature(
      req,
      body,
      { region, service, signedHeaders },
      {
        accessKeyId,
        secretAccessKey: issued.secretAccessKey,
        sessionToken: issued.sessionToken,
      },
    );
    if (expected !== signature)
      return stsError(
        res,
        403,
        'SignatureDoesNotMatch',
        'The request signature we calculated does not match the signature you provided.',
      );
    const roleName = issued.roleArn.split('/').pop();
    res.writeHead(200, { 'content-type': 'text/xml' });
    res.end(`<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>arn:aws:sts::${ACCOUNT_ID}:assumed-role/${roleName}/CognitoIdentityCredentials</Arn>
    <UserId>AROAEMULATOR:CognitoIdentityCredentials</UserId>
    <Account>${ACCOUNT_ID}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`);
  }
}

/** The signature AWS's own signer gives this request with these credentials: what a valid one is. */
async function expectedSignature(
  req: IncomingMessage,
  body: string,
  scope: { region: string; service: string; signedHeaders: string },
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
): Promise<string> {
  const url = new URL(req.url ?? '/', 'http://x');
  const names = scope.signedHeaders.split(';');
  const headers: Record<string, string> = {};
  for (const name of names) headers[name] = String(req.headers[name] ?? '');
  const amzDate = headers['x-amz-date'] ?? '';
  const signingDate = new Date(
    `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
  );
  const [hostname = '', port] = (headers.host ?? '').split(':');
  const request = new HttpRequest({
    method: req.method ?? 'POST',
    protocol: 'http:',
    hostname,
    ...(port ? { port: Number(port) } : {}),
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers,
    body,
  });
  const signer = new SignatureV4({
    credentials,
    region: scope.region,
    service: scope.service,
    sha256: Sha256,
  });
  const signed = await signer.sign(request, { signingDate, signableHeaders: new Set(names) });
  return /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))?.[1] ?? '';
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() });
  res.end(JSON.stringify(body));
}

/** An AWS JSON 1.1 error, as Cognito Identity answers one. */
function awsError(res: ServerResponse, type: string, message: string): void {
  res.writeHead(400, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-errortype': `${type}:`,
    'x-amzn-requestid': randomUUID(),
  });
  res.end(JSON.stringify({ __type: type, message }));
}

/** An STS (query protocol) error. */
function stsError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(
    `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
  );
}
