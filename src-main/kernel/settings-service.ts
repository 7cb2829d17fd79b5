import { join } from 'node:path';
import { Settings, type SettingsPatch } from '../contract/settings.ts';
import { writeFileAtomic, readFileIfExists } from '../store/atomic-file.ts';
import type { EventBus } from '../rpc/event-bus.ts';
import { SettingsErrors } from '../contract/settings.ts';

/** The counter's configuration, one JSON file written atomically and validated on every read. */
export class SettingsService {
  private current: Settings;
  readonly file: string;

  constructor(dataDir: string, private readonly bus: EventBus) {
    this.file = join(dataDir, 'settings.json');
    this.current = this.load();
  }

  private load(): Settings {
    const raw = readFileIfExists(this.file);
    if (!raw) return Settings.parse({});
    try {
      return Settings.parse(JSON.parse(raw.toString('utf8')));
    } catch (err) {
      throw SettingsErrors.raise('SETTINGS_CORRUPT', { file: this.file, reason: String(err) });
    }
  }

  get(): Settings {
    return structuredClone(this.current);
  }

  set(patch: SettingsPatch): Settings {
    const next: Record<string, unknown> = { ...this.current };
    for (const [section, values] of Object.entries(patch)) {
      if (values === undefined) continue;
      next[section] = { ...(this.current as Record<string, object>)[section], ...values };
    }
    this.current = Settings.parse(next);
    writeFileAtomic(this.file, JSON.stringify(this.current, null, 2));
    this.bus.emit('settings.changed', this.current);
    return this.get();
  }
}
