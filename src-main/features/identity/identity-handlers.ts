import type { HandlersOf } from '../../rpc/handlers.ts';
import type { IdentityService } from './identity-service.ts';
import type { IdentityReads } from '../../kernel/identity-reads.ts';

export function identityHandlers(identity: IdentityService, reads: IdentityReads): HandlersOf<'identity.parse' | 'identity.submit' | 'identity.readers' | 'identity.trainingScan'> {
  return {
    'identity.parse': ({ text, hint }) => reads.noteParsed(identity.parse(text, hint)),
    'identity.submit': ({ text, source }) => identity.submit(text, source),
    'identity.readers': () => identity.readersState(),
    'identity.trainingScan': ({ sample }) => {
      identity.trainingScan(sample);
      return {};
    },
  };
}
