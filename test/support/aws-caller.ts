/**
 * A program that uses AWS as any tool would: the real `@aws-sdk/client-sts` with the SDK's default
 * credential chain, so the profile in AWS_CONFIG_FILE / AWS_PROFILE — with its `credential_process`
 * — decides the credentials. Prints one JSON line: the caller identity, or the error's name.
 */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';

const client = new STSClient({});
try {
  const identity = await client.send(new GetCallerIdentityCommand({}));
  console.log(JSON.stringify({ ok: true, arn: identity.Arn, account: identity.Account }));
} catch (error) {
  const { name, message } = error as Error;
  console.log(JSON.stringify({ ok: false, name, message }));
  process.exitCode = 1;
}
