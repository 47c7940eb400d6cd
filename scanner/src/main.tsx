import { render } from 'preact';
import { App } from './app.tsx';
import './styles.css';

render(<App />, document.getElementById('app') as HTMLElement);

// Kept for the door with no network: the app's files, so it opens offline (service-worker.js).
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/scan/sw.js', { scope: '/scan/' }).catch(() => undefined);
}
