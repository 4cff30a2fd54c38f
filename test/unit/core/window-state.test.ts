import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_SIZE,
  displaySetupKey,
  parseWindowStates,
  windowToOpen,
  withClosedWindow,
  type Rectangle,
} from '../../../main/core/window-state.ts';

const LAPTOP: Rectangle = { x: 0, y: 0, width: 1440, height: 870 };
const MONITOR: Rectangle = { x: 1440, y: 0, width: 2560, height: 1400 };
const ON_MONITOR = { bounds: { x: 2000, y: 200, width: 1200, height: 800 }, maximized: false };

describe('where the window reopens', () => {
  it('opens at the default size, placed by the OS, the first time', () => {
    expect(windowToOpen(undefined, [LAPTOP])).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('reopens where it was closed, per display setup', () => {
    const states = withClosedWindow(undefined, [LAPTOP, MONITOR], ON_MONITOR);
    expect(windowToOpen(states, [LAPTOP, MONITOR])).toEqual(ON_MONITOR);
    // Another setup (the laptop alone) has its own place: the default, until it is closed there.
    expect(windowToOpen(states, [LAPTOP])).toEqual({ bounds: DEFAULT_WINDOW_SIZE, maximized: false });
    const both = withClosedWindow(states, [LAPTOP], {
      bounds: { x: 40, y: 30, width: 900, height: 700 },
      maximized: true,
    });
    expect(windowToOpen(both, [LAPTOP]).maximized).toBe(true);
    expect(windowToOpen(both, [LAPTOP, MONITOR])).toEqual(ON_MONITOR);
  });

  it('brings a window whose screen went away back onto the primary screen, centred and no larger', () => {
    // Saved with the monitor; the monitor's work area moved (resolution lowered): same key cannot
    // match, so simulate a saved place that is now off every screen.
    const states = {
      [displaySetupKey([LAPTOP])]: {
        bounds: { x: 3000, y: 100, width: 2000, height: 1200 },
        maximized: false,
      },
    };
    expect(windowToOpen(states, [LAPTOP])).toEqual({
      bounds: { x: 0, y: 0, width: 1440, height: 870 },
      maximized: false,
    });
    const small = {
      [displaySetupKey([LAPTOP])]: { bounds: { x: -2000, y: 50, width: 800, height: 600 }, maximized: false },
    };
    expect(windowToOpen(small, [LAPTOP]).bounds).toEqual({ x: 320, y: 135, width: 800, height: 600 });
  });

  it('counts a window reachable only when enough of its title bar is on a screen', () => {
    const key = displaySetupKey([LAPTOP]);
    const mostlyOff = { [key]: { bounds: { x: 1400, y: 100, width: 800, height: 600 }, maximized: false } };
    expect(windowToOpen(mostlyOff, [LAPTOP]).bounds.x).toBe(320);
    const grabbable = { [key]: { bounds: { x: 1300, y: 100, width: 800, height: 600 }, maximized: false } };
    expect(windowToOpen(grabbable, [LAPTOP]).bounds.x).toBe(1300);
    const titleAbove = { [key]: { bounds: { x: 100, y: -20, width: 800, height: 600 }, maximized: false } };
    expect(windowToOpen(titleAbove, [LAPTOP]).bounds.y).toBe(135);
  });

  it('keeps the eight most recent display setups, and names a setup by its screens in any order', () => {
    let states = {};
    for (let i = 0; i < 10; i++)
      states = withClosedWindow(states, [{ ...LAPTOP, width: 1000 + i }], ON_MONITOR);
    expect(Object.keys(states)).toHaveLength(8);
    expect(Object.keys(states)[0]).toContain('1002x');
    expect(displaySetupKey([LAPTOP, MONITOR])).toBe(displaySetupKey([MONITOR, LAPTOP]));
  });

  it('reads back what it wrote, and nothing that is not a saved window', () => {
    const states = withClosedWindow(undefined, [LAPTOP], ON_MONITOR);
    expect(parseWindowStates(JSON.stringify(states))).toEqual(states);
    expect(parseWindowStates('not json')).toEqual({});
    expect(parseWindowStates('null')).toEqual({});
    expect(
      parseWindowStates(
        JSON.stringify({
          a: { bounds: { x: 1, y: 2, width: 'wide', height: 4 }, maximized: false },
          b: { maximized: true },
          c: null,
        }),
      ),
    ).toEqual({});
  });
});
