import { render } from 'preact';
import { readApiBase } from './api';
import { App } from './App';
import './style.css';

/** First render time, read by the build report and the browser tests: from navigation start to the first painted view. */
async function start() {
  const readApiUrl = await readApiBase();
  render(<App readApiUrl={readApiUrl} />, document.getElementById('app')!);
  requestAnimationFrame(() => performance.mark('desk-first-render'));
}

void start();
