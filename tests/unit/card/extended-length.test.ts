import { describe, expect, it } from 'vitest';
import { CardErrors } from '../../../src-main/contract/card.ts';
import { isExtendedLengthRefusal } from '../../../src-main/devices/idcard/icao/extended-length.ts';
import { mapPcscError } from '../../../src-main/devices/idcard/transport/pcsc-readers.ts';

describe('which failures of an extended-length command mean "use short APDUs"', () => {
  it.each(['6700', '6C00', '6CDF', '6cdf'])('status %s from the chip or reader', (sw) => {
    expect(isExtendedLengthRefusal(CardErrors.raise('CARD_STATUS', { sw, context: 'READ BINARY' }))).toBe(true);
  });

  it.each(['NotTransacted', 'CommError', 'InsufficientBuffer', 'InvalidParameter'])('PC/SC transmit failure %s, as the transport maps it', (code) => {
    expect(isExtendedLengthRefusal(mapPcscError({ code }))).toBe(true);
  });

  it('not card removal, access, missing files, MAC errors or other status words', () => {
    const others = [
      mapPcscError({ code: 'RemovedCard' }),
      mapPcscError({ code: 'NoService' }),
      mapPcscError({ code: 'Shutdown' }),
      CardErrors.raise('CARD_STATUS', { sw: '6A86' }),
      CardErrors.raise('FILE_NOT_FOUND', { sw: '6A82' }),
      CardErrors.raise('SM_MAC_INVALID'),
      CardErrors.raise('SM_MALFORMED', { reason: 'TLV' }),
      new Error('6700'),
      undefined,
    ];
    for (const err of others) expect(isExtendedLengthRefusal(err)).toBe(false);
  });
});
