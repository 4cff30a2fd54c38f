/**
 * Where the window reopens: the size, position and maximised state it was closed with, kept per
 * display setup (a laptop alone, the laptop with the office's monitor…), and never off-screen — a
 * monitor unplugged since, or a resolution lowered, brings the window back onto a screen. Pure
 * decisions; main/index.ts reads the displays and the saved file.
 */

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindow {
  bounds: Rectangle;
  maximized: boolean;
}

/** The saved windows, one per display setup. */
export type WindowStates = Record<string, SavedWindow>;

export const DEFAULT_WINDOW_SIZE = { width: 980, height: 720 };
export const MIN_WINDOW_SIZE = { width: 640, height: 480 };
/** How much of the window's top edge must be on a screen for it to count as reachable. */
const GRIP = { width: 120, height: 32 };
/** How many display setups are remembered (the most recent ones). */
const MAX_SETUPS = 8;

/** A display setup's name: its screens' work areas, in order. */
export function displaySetupKey(workAreas: Rectangle[]): string {
  return workAreas
    .map((a) => `${a.x},${a.y},${a.width}x${a.height}`)
    .sort()
    .join('|');
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** True when the window's title bar can be grabbed on one of the screens. */
function isReachable(bounds: Rectangle, workAreas: Rectangle[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: GRIP.height };
  return workAreas.some((area) => {
    const shared = overlap(titleBar, area);
    return shared.width >= Math.min(GRIP.width, bounds.width) && shared.height >= GRIP.height;
  });
}

/**
 * The window to open for these screens (the first is the primary one): as saved for this setup
 * when it is still reachable, else saved size centred on the primary screen, else the default size
 * (no position: the OS places it). The size never exceeds the primary screen's work area.
 */
export function windowToOpen(
  states: WindowStates | undefined,
  workAreas: Rectangle[],
): { bounds: Partial<Rectangle> & { width: number; height: number }; maximized: boolean } {
  const saved = states?.[displaySetupKey(workAreas)];
  const primary = workAreas[0];
  if (!saved || !primary) return { bounds: { ...DEFAULT_WINDOW_SIZE }, maximized: false };
  if (isReachable(saved.bounds, workAreas))
    return { bounds: { ...saved.bounds }, maximized: saved.maximized };
  const width = Math.max(MIN_WINDOW_SIZE.width, Math.min(saved.bounds.width, primary.width));
  const height = Math.max(MIN_WINDOW_SIZE.height, Math.min(saved.bounds.height, primary.height));
  return {
    bounds: {
      width,
      height,
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
    },
    maximized: saved.maximized,
  };
}

/** `states` with the window as closed on this setup, keeping the most recent setups only. */
export function withClosedWindow(
  states: WindowStates | undefined,
  workAreas: Rectangle[],
  closed: SavedWindow,
): WindowStates {
  const key = displaySetupKey(workAreas);
  const others = Object.entries(states ?? {}).filter(([setup]) => setup !== key);
  // Insertion order is recency: the setup just used goes last, the oldest are dropped.
  return Object.fromEntries([...others.slice(-(MAX_SETUPS - 1)), [key, closed]]);
}

/** Saved windows as read from a file: anything not shaped like one is dropped. */
export function parseWindowStates(text: string): WindowStates {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null) return {};
  const states: WindowStates = {};
  for (const [key, value] of Object.entries(parsed)) {
    const saved = value as Partial<SavedWindow> | null;
    const b = saved?.bounds;
    const numbers = b && [b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n));
    if (numbers && typeof saved.maximized === 'boolean')
      states[key] = { bounds: b, maximized: saved.maximized };
  }
  return states;
}
