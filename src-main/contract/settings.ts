import { z } from 'zod';
import { method } from './method.ts';
import { IdentityReaderSettings } from './idread.ts';
import { HealthSettings } from './health.ts';
import { CalendarSettings } from './calendar.ts';
import { DossierStoreSettings } from './store.ts';
import { PaymentSettings, PrintSettings } from './print.ts';
import { SigningSettings } from './signing.ts';
import { defineErrors } from './errors.ts';

/**
 * The configuration of one counter PC. Each section has defaults so a fresh install works; the
 * later capabilities add their sections here.
 */
export const Settings = z.object({
  ui: z
    .object({ language: z.enum(['vi', 'en']).default('vi') })
    .default({ language: 'vi' }),
  agency: z
    .object({
      name: z.string().default(''),
      /** Governing body for the form header, e.g. "UBND XÃ AN BÌNH". */
      parentName: z.string().default(''),
      /** Place name for "An Bình, ngày … tháng … năm …" on forms. */
      place: z.string().default(''),
      phone: z.string().default(''),
      /** Mã định danh of the receiving agency, e.g. 000.00.31.H42 */
      code: z.string().default(''),
      counterId: z.string().default('01'),
    })
    .default({ name: '', parentName: '', place: '', phone: '', code: '', counterId: '01' }),
  server: z
    .object({ url: z.string().default(''), clientId: z.string().default('') })
    .default({ url: '', clientId: '' }),
  /** Working hours, weekends, late-day rule and the admin table of nghỉ bù / làm bù days. */
  calendar: CalendarSettings.default(() => CalendarSettings.parse({})),
  /** Delegated official numbering and the retention period of confirmed dossiers. */
  dossierStore: DossierStoreSettings.default(() => DossierStoreSettings.parse({})),
  /**
   * Fingerprints of district keys whose rollout files this PC accepts, and the sequence number of
   * the last file applied (machine-local; changed only by importing a signed file).
   */
  rollout: z
    .object({ trustedKeys: z.array(z.string()).default([]), lastSequence: z.number().int().nonnegative().default(0) })
    .default({ trustedKeys: [], lastSequence: 0 }),
  /** QR readers (serial, HID-POS) and vendor chip readers (socket API). */
  identityReaders: IdentityReaderSettings.default(() => IdentityReaderSettings.parse({})),
  /** Health station: the BHYT card-check service. */
  health: HealthSettings.default(() => HealthSettings.parse({})),
  /** Form set and wording, printer profiles per form, ESC/POS ticket printers. */
  print: PrintSettings.default(() => PrintSettings.parse({})),
  /** The account citizens pay fees into by VietQR. */
  payment: PaymentSettings.default(() => PaymentSettings.parse({})),
  /** Digital signatures: trust anchors (VGCA…), TSA URL, token libraries. */
  signing: SigningSettings.default(() => SigningSettings.parse({})),
  /** Where the province publishes app updates (electron-updater generic provider); empty = off. */
  update: z.object({ url: z.string().default('') }).default({ url: '' }),
});
export type Settings = z.infer<typeof Settings>;

/** A patch replaces whole fields inside the named sections. */
export const SettingsPatch = z.object({
  ui: Settings.shape.ui.unwrap().partial().optional(),
  agency: Settings.shape.agency.unwrap().partial().optional(),
  server: Settings.shape.server.unwrap().partial().optional(),
  calendar: CalendarSettings.partial().optional(),
  dossierStore: DossierStoreSettings.partial().optional(),
  rollout: Settings.shape.rollout.unwrap().partial().optional(),
  identityReaders: IdentityReaderSettings.partial().optional(),
  health: HealthSettings.partial().optional(),
  print: PrintSettings.partial().optional(),
  payment: PaymentSettings.partial().optional(),
  signing: SigningSettings.partial().optional(),
  // Only an https:// feed can be set (stored older values are refused by the updater itself).
  update: z.object({ url: z.string().trim().refine((u) => u === '' || /^https:\/\/[^/\s]+/i.test(u), { message: 'update.url must be https://' }) }).partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** What a client may change: trust in rollout keys moves only through signed files (config.import). */
export const ClientSettingsPatch = SettingsPatch.omit({ rollout: true });

export const settingsMethods = {
  'settings.get': method({ summary: 'Read the whole configuration', input: z.object({}), output: Settings }),
  'settings.set': method({ summary: 'Change part of the configuration (not the trusted rollout keys)', input: ClientSettingsPatch, output: Settings }),
};

export const SettingsErrors = defineErrors({
  SETTINGS_CORRUPT: {
    vi: 'Tệp cấu hình bị hỏng; đang dùng cấu hình mặc định. Hãy nhập lại cấu hình.',
    en: 'The settings file is damaged; defaults are in use. Import the configuration again.',
  },
});
