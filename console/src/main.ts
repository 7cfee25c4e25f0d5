import './style.css';
import { benchPage } from './bench';
import { h } from './dom';
import { runPage } from './run';
import { runsPage } from './runs';
import { submitPage } from './submit';

const main = h('main', { id: 'main', tabindex: '-1' });
const nav = h('nav', { 'aria-label': 'pages' },
  h('a', { href: '#/', class: 'brand' }, 'Gorchestrator'),
  h('a', { href: '#/', id: 'nav-runs' }, 'Runs'),
  h('a', { href: '#/submit', id: 'nav-submit' }, 'Submit'),
  h('a', { href: '/apidocs' }, 'API'));
document.body.replaceChildren(h('a', { href: '#main', class: 'skip' }, 'Skip to content'), nav, main);

let leave = () => {};

/** Hash routes, so the API serves one page at / and nothing else: #/, #/runs/{id}, #/submit, #/bench?n=1000. */
function route(): void {
  leave();
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query] = hash.split('?');
  const run = /^\/runs\/(.+)$/.exec(path);
  if (run) {
    leave = runPage(main, decodeURIComponent(run[1]));
  } else if (path === '/submit') {
    leave = submitPage(main);
  } else if (path === '/bench') {
    leave = benchPage(main, Number(new URLSearchParams(query).get('n') ?? '1000'));
  } else {
    leave = runsPage(main);
  }
  nav.querySelectorAll('a').forEach((a) => a.removeAttribute('aria-current'));
  nav.querySelector(path === '/submit' ? '#nav-submit' : '#nav-runs')?.setAttribute('aria-current', 'page');
}

window.addEventListener('hashchange', route);
route();
