import sampleCatalog from '../../../fixtures/procedures/commune-sample.json' with { type: 'json' };
import type { Caller } from '../../rpc/caller.ts';
import type { SettingsService } from '../../kernel/settings-service.ts';

/** The made-up commune a training profile works for; clearly not a real agency. */
export const TRAINING_AGENCY = {
  name: 'Bộ phận Một cửa xã Thực Hành (đào tạo)',
  parentName: 'UBND XÃ THỰC HÀNH',
  place: 'Thực Hành',
  code: '000.00.31.H42',
};

/**
 * Training mode (Chế độ đào tạo) starts from a ready-to-practise profile: an agency identity and the
 * sample procedure catalogue, so a new officer can receive a dossier at once. Only fills what is empty.
 */
export async function prepareTrainingProfile(call: Caller, settings: SettingsService): Promise<void> {
  if (!settings.get().agency.code) settings.set({ agency: TRAINING_AGENCY });
  const procedures = await call('procedures.list', {});
  if (procedures.length === 0) await call('procedures.import', { content: JSON.stringify(sampleCatalog), format: 'json', dryRun: false });
}
