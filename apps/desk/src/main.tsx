import { render } from 'preact';
import { deskUrls } from './api';
import { App } from './App';
import './style.css';

/** First render time, read by the build report and the browser tests: from navigation start to the first painted view. */
async function start() {
  render(<App urls={await deskUrls()} />, document.getElementById('app')!);
  requestAnimationFrame(() => performance.mark('desk-first-render'));
}

void start();
