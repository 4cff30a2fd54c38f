/**
 * The emulator in a process of its own, for the figures that compare the app's time with the
 * provider's: a real provider does not share the app's event loop, so its work must not be
 * counted as the app's (nor the app's work slow the provider down). Prints one JSON line with the
 * issuer and domain, then serves until killed or until its stdin closes: a benchmark stopped with
 * Ctrl-C or killed does not leave it running.
 */
import { startCognitoEmulator } from '../test/idp/emulator.ts';
import { defaultClients } from '../test/idp/directory.ts';

const [redirectUri, signOutUri] = process.argv.slice(2);
const emulator = await startCognitoEmulator({ clients: defaultClients(redirectUri, signOutUri) });
console.log(JSON.stringify({ issuer: emulator.issuer, domain: emulator.domain }));
process.stdin.on('end', () => process.exit(0)).resume();
