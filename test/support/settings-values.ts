/** The Settings screen's values as the tests type them: every field, empty unless given. */
import { SETTINGS_FIELDS, type SettingsDto } from '../../preload/contract.ts';

export function settingsValues(given: Partial<SettingsDto> = {}): SettingsDto {
  const values = Object.fromEntries(SETTINGS_FIELDS.map((key) => [key, ''])) as SettingsDto;
  return { ...values, ...given };
}
