/** The seed's node and graph states: code, name, colour and a cue that does not need colour (a symbol and a shape). */
export interface StateStyle {
  readonly code: number;
  readonly name: string;
  readonly fill: string;
  readonly stroke: string;
  /** A symbol shown beside the name, so a state reads without colour. */
  readonly symbol: string;
  /** Dashed outlines for states that are not settled yet. */
  readonly dashed: boolean;
}

const STYLES: readonly StateStyle[] = [
  { code: 0, name: 'initial', fill: '#f2f2f2', stroke: '#8a8a8a', symbol: '○', dashed: true },
  { code: 1, name: 'torun', fill: '#e8eefc', stroke: '#5873c4', symbol: '◔', dashed: true },
  { code: 2, name: 'running', fill: '#fff4cc', stroke: '#b38600', symbol: '▶', dashed: true },
  { code: 3, name: 'success', fill: '#dcf5dc', stroke: '#2e7d32', symbol: '✓', dashed: false },
  { code: 4, name: 'failure', fill: '#fbdada', stroke: '#c62828', symbol: '✗', dashed: false },
  { code: 5, name: 'notrunnable', fill: '#ececec', stroke: '#5f5f5f', symbol: '⊘', dashed: false },
  { code: 10, name: 'timeout', fill: '#fde3cc', stroke: '#c25e00', symbol: '⧗', dashed: false },
  { code: 11, name: 'canceled', fill: '#e9dff5', stroke: '#6a3d9a', symbol: '■', dashed: false },
];

export const STATES: readonly StateStyle[] = STYLES;

/** The style of a state given by code (3), name ('success') or nothing (initial). */
export function stateStyle(state: number | string | undefined | null): StateStyle {
  if (state === undefined || state === null) {
    return STYLES[0];
  }
  const found = STYLES.find((s) => s.code === state || s.name === state || String(s.code) === state);
  return found ?? STYLES[0];
}

export function isFinished(state: number | string | undefined | null): boolean {
  return stateStyle(state).code >= 3;
}
