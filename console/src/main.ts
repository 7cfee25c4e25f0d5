import './style.css';
import { auth, startAuth } from './auth';
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

/** In mode jwt: who is signed in, and a way out. */
function account(): HTMLElement | null {
  const subject = auth().subject();
  if (!subject) {
    return null;
  }
  return h('span', { class: 'account' },
    h('span', { id: 'signed-in' }, `Signed in as ${subject}`),
    h('button', { type: 'button', id: 'sign-out', onclick: () => void auth().signOut() }, 'Sign out'));
}

/** A sign-in that failed says why, and offers another try rather than looping through the issuer. */
function signInFailed(error: unknown): void {
  main.replaceChildren(h('p', { role: 'alert', class: 'message' }, error instanceof Error ? error.message : String(error)),
    h('button', { type: 'button', id: 'sign-in', onclick: () => void auth().signIn().catch(signInFailed) }, 'Sign in'));
}

startAuth().then((ready) => {
  if (!ready) {
    return;
  }
  const who = account();
  if (who) {
    nav.append(who);
  }
  window.addEventListener('hashchange', route);
  route();
}, signInFailed);
