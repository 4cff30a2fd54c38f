/**
 * The Identity Pool calls, made by the AWS SDK for JavaScript v3 (never hand-built requests):
 * `GetId`, then `GetCredentialsForIdentity`. Both are unsigned calls that carry the user pool's ID
 * token. The SDK is loaded on first use, so commands that never need AWS never load it. It takes
 * its endpoint from `AWS_ENDPOINT_URL_COGNITO_IDENTITY` when set (the tests' emulator), else AWS's.
 */
import { AuthError } from '../core/errors.ts';
import { msg, t } from '../core/i18n.ts';
import type { AwsCredentials, IdentityExchange } from '../core/aws/aws-credentials.ts';

/** Cognito Identity's errors a user can act on, in words. */
const ADVICE: Record<string, string> = {
  NotAuthorizedException: msg(
    'The Identity Pool refused this sign-in: check that it lists this user pool and app client as an authentication provider (and that the role may be assumed).',
  ),
  ResourceNotFoundException: msg(
    'No Identity Pool has that ID in that region: check the Identity Pool ID setting.',
  ),
  InvalidIdentityPoolConfigurationException: msg(
    'The Identity Pool’s roles are not set up: give it an authenticated role (and a trust policy for it).',
  ),
};

export function awsSdkIdentityExchange(): IdentityExchange {
  return {
    async credentialsFor({ identityPoolId, region, logins, roleArn }) {
      const sdk = await import('@aws-sdk/client-cognito-identity');
      const client = new sdk.CognitoIdentityClient({ region, maxAttempts: 2 });
      try {
        const { IdentityId } = await client.send(
          new sdk.GetIdCommand({ IdentityPoolId: identityPoolId, Logins: logins }),
        );
        const { Credentials } = await client.send(
          new sdk.GetCredentialsForIdentityCommand({
            IdentityId,
            Logins: logins,
            ...(roleArn ? { CustomRoleArn: roleArn } : {}),
          }),
        );
        if (!IdentityId || !Credentials?.AccessKeyId || !Credentials.SecretKey || !Credentials.SessionToken)
          throw new AuthError('provider_rejected', t('The Identity Pool answered without credentials.'));
        const credentials: AwsCredentials = {
          accessKeyId: Credentials.AccessKeyId,
          secretAccessKey: Credentials.SecretKey,
          sessionToken: Credentials.SessionToken,
          expiresAt: Credentials.Expiration?.getTime() ?? Date.now() + 3600_000,
          identityId: IdentityId,
          ...(roleArn ? { roleArn } : {}),
        };
        return credentials;
      } catch (error) {
        throw toIdentityError(error);
      } finally {
        client.destroy();
      }
    },
  };
}

/** The SDK's error as the app's: the service's refusal (`provider_rejected`) or the network's. */
function toIdentityError(error: unknown): unknown {
  if (error instanceof AuthError) return error;
  const named = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  if (named.$metadata?.httpStatusCode !== undefined && named.name) {
    const advice = ADVICE[named.name] ? t(ADVICE[named.name]!) : '';
    return new AuthError(
      'provider_rejected',
      t('Cognito Identity: {{name}}: {{message}} {{advice}}', {
        name: named.name,
        message: named.message ?? '',
        advice,
      }).trim(),
      { cause: error, providerError: named.name },
    );
  }
  return new AuthError(
    'network',
    t('Could not reach Cognito Identity: {{reason}}', { reason: named.message ?? String(error) }),
    {
      cause: error,
    },
  );
}
