import { safeStorage } from 'electron';
import { wrappedKeyProvider, type KeyProvider } from '../store/blobs/key-provider.ts';

/**
 * The blob key wrapped by the OS key store (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on
 * Linux) through Electron's safeStorage. Where no OS key store is available (a bare Linux session),
 * it falls back to the 0600 key file the web host uses, and says so in its kind.
 */
export function safeStorageKeyProvider(dataDir: string, fallback: () => KeyProvider): KeyProvider {
  if (!safeStorage.isEncryptionAvailable()) return fallback();
  return wrappedKeyProvider(
    dataDir,
    'electron-safe-storage',
    (key) => safeStorage.encryptString(key.toString('base64')),
    (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  );
}
