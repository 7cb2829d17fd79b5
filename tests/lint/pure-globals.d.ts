// The WHATWG Encoding API: in every runtime the pure layers run in (browser, Node, Electron), yet
// declared only by the DOM and Node type libraries, which tsconfig.pure.json leaves out on purpose.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}
