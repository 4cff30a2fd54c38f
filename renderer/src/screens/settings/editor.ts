/**
 * The Settings screen's state and every change to it, in one reducer: the view from the main
 * process, the values being typed, the write-only secret, the problems and URLs of the latest
 * validation, the configuration check, the status line.
 */
import { useReducer } from 'react';
import { msg } from '../../i18n.ts';
import type {
  DoctorReportDto,
  ErrorDto,
  SettingsDto,
  SettingsValidationDto,
  SettingsView,
} from '../../../../preload/contract.ts';

export interface EditorState {
  view?: SettingsView;
  values?: SettingsDto;
  secret: string;
  removeSecret: boolean;
  validation?: SettingsValidationDto;
  report?: DoctorReportDto;
  error?: ErrorDto;
  /** The status line, in English (marked); the screen translates it. */
  status: string;
}

export type EditorAction =
  /** The view from the main process: first, or again after the settings changed outside the screen. */
  | { type: 'loaded'; view: SettingsView }
  | { type: 'failed'; error: ErrorDto }
  | { type: 'typed'; key: keyof SettingsDto; value: string }
  | { type: 'validated'; validation: SettingsValidationDto; showAll: boolean }
  | { type: 'secret-typed'; secret: string }
  | { type: 'remove-secret-set'; remove: boolean }
  | { type: 'not-saved' }
  | { type: 'saved'; view: SettingsView }
  | { type: 'checking' }
  | { type: 'checked'; report: DoctorReportDto };

export const initialEditorState: EditorState = { secret: '', removeSecret: false, status: '' };

/** Problems shown while typing: a field left empty is not an error until Save, except the required two. */
function whileTyping(validation: SettingsValidationDto, values: SettingsDto): SettingsValidationDto {
  return {
    ...validation,
    problems: validation.problems.filter(
      (p) => values[p.setting] !== '' || p.setting === 'discoveryUrl' || p.setting === 'clientId',
    ),
  };
}

/**
 * The values after the settings changed outside the screen (a policy): a field now locked takes the
 * new value; any other keeps what the person typed, and takes the new value where they typed nothing.
 */
function keepEdits(before: SettingsView, typed: SettingsDto, after: SettingsView): SettingsDto {
  const values = { ...after.values };
  for (const key of Object.keys(values) as (keyof SettingsDto)[]) {
    const edited = typed[key] !== before.values[key];
    if (edited && !after.locked.includes(key)) values[key] = typed[key];
  }
  return values;
}

/** Whether what the screen shows (the values, what is locked and managed) differs between two views. */
function viewChanged(before: SettingsView, after: SettingsView): boolean {
  const shown = (view: SettingsView) => JSON.stringify([view.values, view.locked, view.managed]);
  return shown(before) !== shown(after);
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'loaded':
      if (!state.view || !state.values) return { ...state, view: action.view, values: action.view.values };
      if (!viewChanged(state.view, action.view)) return state;
      return {
        ...state,
        view: action.view,
        values: keepEdits(state.view, state.values, action.view),
        status: msg('Your organization changed these settings; fields you edited keep your text.'),
      };
    case 'failed':
      return { ...state, error: action.error, status: '' };
    case 'typed':
      if (!state.values) return state;
      return { ...state, values: { ...state.values, [action.key]: action.value }, status: '' };
    case 'validated':
      if (!state.values) return state;
      return {
        ...state,
        validation: action.showAll ? action.validation : whileTyping(action.validation, state.values),
      };
    case 'secret-typed':
      return { ...state, secret: action.secret };
    case 'remove-secret-set':
      return { ...state, removeSecret: action.remove };
    case 'not-saved':
      return { ...state, status: msg('Not saved: correct the fields marked below.') };
    case 'saved':
      return {
        ...state,
        view: action.view,
        secret: '',
        removeSecret: false,
        error: undefined,
        status: msg('Settings saved.'),
      };
    case 'checking':
      return { ...state, report: undefined, status: msg('Checking the configuration…') };
    case 'checked':
      return { ...state, report: action.report, status: '' };
  }
}

export function useSettingsEditor(): [EditorState, (action: EditorAction) => void] {
  return useReducer(editorReducer, initialEditorState);
}
