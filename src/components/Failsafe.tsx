// When a part of the screen fails to draw, the rest keeps working: a boundary around each
// side panel shows what happened in its place (with a way out), and one around the whole app
// offers "Exportera JSON" — never a blank page. The plan itself is never touched by a failure
// to draw it.
import { Component, type ErrorInfo, type ReactNode, useLayoutEffect } from 'react';
import { dropKeptScreen } from '../screen/showScreen';
import { exportAction } from '../store/exporter';

interface Props {
  /** What to show instead, given the error and a way to try drawing again. */
  fallback: (error: Error, retry: () => void) => ReactNode;
  /** Drawing again whenever this changes (another panel, another plan). */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: Error | null;
  key: unknown;
}

export class Failsafe extends Component<Props, State> {
  override state: State = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Solfjädern could not draw a part of the screen', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.error ? this.props.fallback(this.state.error, () => this.setState({ error: null })) : this.props.children;
  }
}

/** The whole app failed to draw: say so, offer the rescue export and a reload. */
export function AppFailed({ error }: { error: Error }) {
  useLayoutEffect(() => dropKeptScreen(), []);
  return (
    <main className="app-failed" role="alert">
      <h1>Solfjädern kunde inte visa planen</h1>
      <p>Något gick fel när sidan ritades ({error.message}). Planen är sparad i webbläsaren som den var.</p>
      <p>
        <button type="button" onClick={exportAction.run}>
          {exportAction.label}
        </button>{' '}
        <button type="button" onClick={() => location.reload()}>
          Ladda om sidan
        </button>
      </p>
    </main>
  );
}
