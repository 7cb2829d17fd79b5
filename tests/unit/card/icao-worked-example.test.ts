import { describe, expect, it } from 'vitest';
import { fromHex, hex } from '../../../src-main/domain/icao/der.ts';
import { checkDigit, mrzInformation } from '../../../src-main/domain/icao/mrz-key.ts';
import { bacAuthData, bacKeysFromMrzInfo, bacSession } from '../../../src-main/devices/idcard/icao/bac.ts';
import { kdf, withOddParity } from '../../../src-main/devices/idcard/icao/crypto.ts';
import { SmSession, unwrapResponse, wrapCommand } from '../../../src-main/devices/idcard/icao/secure-messaging.ts';
import { parseEfCom } from '../../../src-main/domain/icao/ef-com.ts';

// ICAO 9303 Part 11, Appendix D worked example (values from the notes, §3.3).
describe('ICAO 9303-11 Appendix D: BAC and secure messaging', () => {
  it('check digits of the ICAO examples', () => {
    expect(checkDigit('L898902C<')).toBe(3);
    expect(checkDigit('690806')).toBe(1);
    expect(checkDigit('940623')).toBe(6);
    expect(checkDigit('D23145890734')).toBe(9);
    expect(checkDigit('340712')).toBe(7);
    expect(checkDigit('950712')).toBe(2);
  });

  it('derives Kseed, K_enc and K_mac from the MRZ information', () => {
    const info = mrzInformation('L898902C', '690806', '940623');
    expect(info).toBe('L898902C<369080619406236');
    const k = bacKeysFromMrzInfo(info);
    expect(hex(k.seed)).toBe('239AB9CB282DAF66231DC5A4DF6BFBAE');
    expect(hex(k.kEnc)).toBe('AB94FDECF2674FDFB9B391F85D7F76F2');
    expect(hex(k.kMac)).toBe('7962D9ECE03D1ACD4C76089DCE131543');
  });

  it('sets odd parity as the example shows', () => {
    expect(hex(withOddParity(fromHex('AB94FCEDF2664EDF')))).toBe('AB94FDECF2674FDF');
    expect(hex(withOddParity(fromHex('B9B291F85D7F77F2')))).toBe('B9B391F85D7F76F2');
  });

  it('builds E_IFD ‖ M_IFD and derives the session keys and SSC from the card answer', () => {
    const keys = bacKeysFromMrzInfo('L898902C<369080619406236');
    const rndIc = fromHex('4608F91988702212');
    const r = { rndIfd: fromHex('781723860C06C226'), kIfd: fromHex('0B795240CB7049B01C19B33E32804F0B') };
    expect(hex(bacAuthData(keys, rndIc, r))).toBe('72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2' + '5F1448EEA8AD90A7');
    const resp = fromHex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F' + '2F2D235D074D7449');
    const s = bacSession(keys, rndIc, r, resp);
    expect(hex(s.sscValue)).toBe('887022120C06C226');
    const seed = fromHex('0036D272F5C350ACAC50C3F572D23600');
    expect(hex(kdf(seed, 1, '3DES'))).toBe('979EC13B1CBFE9DCD01AB0FED307EAE5');
    expect(hex(kdf(seed, 2, '3DES'))).toBe('F1CB1F1FB5ADF208806B89DC579DC1F8');
  });

  it('rejects a card answer with a wrong MAC as ACCESS_DENIED', () => {
    const keys = bacKeysFromMrzInfo('L898902C<369080619406236');
    const resp = fromHex('46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F' + '2F2D235D074D7448');
    expect(() => bacSession(keys, fromHex('4608F91988702212'), { rndIfd: fromHex('781723860C06C226'), kIfd: new Uint8Array(16) }, resp)).toThrow(/ACCESS_DENIED/);
  });

  it('wraps SELECT and READ BINARY and unwraps the responses exactly as the example', () => {
    const s = new SmSession('3DES', fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'), fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'), fromHex('887022120C06C226'));
    expect(hex(wrapCommand(s, { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') }))).toBe('0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800');
    const sel = unwrapResponse(s, fromHex('990290008E08FA855A5D4C50A8ED9000'));
    expect(sel.sw).toBe(0x9000);
    expect(hex(wrapCommand(s, { cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 4 }))).toBe('0CB000000D9701048E08ED6705417E96BA5500');
    const r1 = unwrapResponse(s, fromHex('8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000'));
    expect(hex(r1.data)).toBe('60145F01');
    expect(hex(wrapCommand(s, { cla: 0, ins: 0xb0, p1: 0, p2: 4, le: 0x12 }))).toBe('0CB000040D9701128E082EA28A70F3C7B53500');
    const r2 = unwrapResponse(s, fromHex('871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000'));
    expect(hex(r2.data)).toBe('04303130365F36063034303030305C026175');
    const com = parseEfCom(fromHex('60145F01' + hex(r2.data)));
    expect(com).toEqual({ ldsVersion: '0106', unicodeVersion: '040000', dataGroups: [1, 2] });
  });

  it('turns a tampered response MAC into SM_MAC_INVALID', () => {
    const s = new SmSession('3DES', fromHex('979EC13B1CBFE9DCD01AB0FED307EAE5'), fromHex('F1CB1F1FB5ADF208806B89DC579DC1F8'), fromHex('887022120C06C226'));
    wrapCommand(s, { cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('011E') });
    expect(() => unwrapResponse(s, fromHex('990290008E08FA855A5D4C50A8EC9000'))).toThrow(/SM_MAC_INVALID/);
  });

  it('reproduces the synthetic VN BAC vector', () => {
    const info = mrzInformation('090012345', '900101', '300101');
    expect(info).toBe('090012345090010113001019');
    const k = bacKeysFromMrzInfo(info);
    expect(hex(k.seed)).toBe('90EB37B41B9B64E97BB79581E13AD301');
    expect(hex(k.kEnc)).toBe('D60E85C8434C100DF161E338FBEABA80');
    expect(hex(k.kMac)).toBe('D6C770E35B2F40FDC7E0347FD3401AFD');
  });
});
