// When podscope's app starts (classic script in <head>, after js/crash.js and
// web/first-screen.js; an external file, so the strict Content-Security-Policy hashes nothing).
// scripts/start-on-demand.mjs took Trunk's loader out of the page and named the app's JS glue
// and wasm in <meta name="podscope-app">; nothing is fetched until this script says so.
//
//   load=eager  (the full app's default) starts at once;
//   load=lazy   (an embed's default) shows the pre-rendered poster of the scenario and starts
//               when the frame reaches the viewport (IntersectionObserver on <html>: inside a
//               cross-origin iframe the browser measures it against the top-level viewport);
//   load=click  shows the poster under a "Start" button and starts when it is pressed.
//
// A load that fails (HTTP error, blocked or failed request, a file that is not a wasm module)
// shows the error panel of js/crash.js with what went wrong and Try again; a load that takes
// longer than SLOW_MS says so while it keeps waiting.
(function () {
  'use strict';
  var SLOW_MS = 15000;
  var MODES = ['lazy', 'click', 'eager'];
  // What this script says before the app (and its catalogues in locales/) has loaded, in the
  // interface languages.
  var TEXTS = {
    en: {
      start: '▶ Start', what: 'the podscope simulation', starting: 'Starting the simulation…',
      slow: 'podscope is still loading after {s} seconds: the connection may be slow. ', again: 'Try again',
      titles: { 'shared-volume': 'Shared volume', localhost: 'Localhost', 'docs-original': 'Docs original' },
      answered: '{file} could not be loaded: the server answered HTTP {status}.',
      failed: '{file} could not be loaded: the request failed: the network is down, or something blocked it (a content blocker, a firewall, the host\'s policy).',
      refused: '{file} arrived but the browser refused to run it.',
      noApp: 'this page names no app to start (<meta name="podscope-app"> is missing: a build without scripts/start-on-demand.mjs).',
      noWasm: 'this browser cannot run WebAssembly, or it is turned off.',
      notModule: '{file} arrived but is not a module this browser can run ({error}): the file may be damaged, or the browser too old.',
    },
    es: {
      start: '▶ Empezar', what: 'la simulación de podscope', starting: 'Iniciando la simulación…',
      slow: 'podscope sigue cargando tras {s} segundos: puede que la conexión sea lenta. ', again: 'Reintentar',
      titles: { 'shared-volume': 'Volumen compartido', localhost: 'Localhost', 'docs-original': 'Original de la documentación' },
      answered: 'No se pudo cargar {file}: el servidor respondió HTTP {status}.',
      failed: 'No se pudo cargar {file}: la petición falló: no hay red, o algo la bloqueó (un bloqueador de contenido, un cortafuegos, la política del sitio).',
      refused: '{file} llegó, pero el navegador se negó a ejecutarlo.',
      noApp: 'esta página no nombra ninguna aplicación que iniciar (falta <meta name="podscope-app">: una compilación sin scripts/start-on-demand.mjs).',
      noWasm: 'este navegador no puede ejecutar WebAssembly, o lo tiene desactivado.',
      notModule: '{file} llegó, pero no es un módulo que este navegador pueda ejecutar ({error}): puede que el archivo esté dañado o que el navegador sea demasiado antiguo.',
    },
  };
  var root = document.documentElement;
  var params = new URLSearchParams(window.location.search);

  // web/first-screen.js chose the language (as the app will) and set it on <html lang>.
  var text = TEXTS[root.getAttribute('lang')] || TEXTS.en;
  // web/first-screen.js marks an embed (embed=1 in the URL, or embed.html's own default).
  var embed = root.hasAttribute('data-embed');
  var mode = MODES.indexOf(params.get('load')) >= 0 ? params.get('load') : (embed ? 'lazy' : 'eager');
  var started = false;
  root.setAttribute('data-load', mode);

  /** Runs `f` once <body> is parsed. */
  function whenParsed(f) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', f, { once: true });
    else f();
  }

  /** The file name at the end of `url`, for messages. */
  function fileName(url) {
    return String(url).split('/').pop().split('?')[0];
  }

  /** An error that is a load failure (not a bug): shown as one by the error panel. */
  function failure(message) {
    var error = new Error(message);
    error.loadFailure = true;
    return error;
  }

  /** `template` of `text` with each {name} replaced by `values[name]`. */
  function say(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  /** A failure naming `url` and what its server answered (or that the request failed). */
  function notFetched(url, response) {
    return failure(response
      ? say(text.answered, { file: fileName(url), status: response.status + (response.statusText ? ' ' + response.statusText : '') })
      : say(text.failed, { file: fileName(url) }));
  }

  /** The wasm's response, or a failure saying what the server answered. */
  function fetchWasm(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw notFetched(url, response);
      return response;
    }, function () { throw notFetched(url, null); });
  }

  /** The glue module; when it fails, asks once more (HEAD) to say what the server answered. */
  function importGlue(url) {
    return import(url).catch(function () {
      return fetch(url, { method: 'HEAD', cache: 'no-store' }).then(function (response) {
        throw response.ok ? failure(say(text.refused, { file: fileName(url) }))
          : notFetched(url, response);
      }, function () { throw notFetched(url, null); });
    });
  }

  /** Says the load is slow, with Try again; the load keeps going. */
  function sayItIsSlow() {
    whenParsed(function () {
      if (root.getAttribute('data-load-state') !== 'loading') return;
      var note = document.createElement('p');
      note.className = 'load-slow';
      note.setAttribute('role', 'status');
      note.dataset.testid = 'load-slow';
      note.textContent = say(text.slow, { s: Math.round(SLOW_MS / 1000) });
      var again = document.createElement('button');
      again.type = 'button';
      again.textContent = text.again;
      again.addEventListener('click', function () { window.location.reload(); });
      note.append(again);
      document.body.append(note);
    });
  }

  /** Fetches and starts the app; a failure to load goes to the error panel as a load failure. */
  function load() {
    var meta = document.querySelector('meta[name="podscope-app"]');
    if (meta === null) {
      window.podscopeLoadFailed(text.noApp);
      return;
    }
    if (typeof WebAssembly !== 'object') {
      window.podscopeLoadFailed(text.noWasm);
      return;
    }
    var glue = new URL(meta.content, document.baseURI).href;
    var wasm = new URL(meta.getAttribute('data-wasm'), document.baseURI).href;
    if (Number(window.podscopeSlowLoadMs) > 0) SLOW_MS = Number(window.podscopeSlowLoadMs);
    var slow = setTimeout(sayItIsSlow, SLOW_MS);
    // The files download at once, but the app mounts only once <body> is parsed: Yew clears
    // <body> when it mounts, and the parser would append the rest of the pre-rendered screens
    // after the live app if it were still reading them.
    var parsed = new Promise(function (resolve) { whenParsed(resolve); });
    Promise.all([importGlue(glue), fetchWasm(wasm), parsed]).then(function (both) {
      return both[0].default({ module_or_path: both[1] }).catch(function (error) {
        if (error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError) {
          throw failure(say(text.notModule, { file: fileName(wasm), error: error.message }));
        }
        throw error;
      }).then(function (instance) {
        window.wasmBindings = both[0];
        root.setAttribute('data-load-state', 'started');
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
      });
    }).catch(function (error) {
      root.setAttribute('data-load-state', 'failed');
      // A trap or a panic while starting is a bug, not a load failure: crash.js reports it.
      if (!error || !error.loadFailure) throw error;
      window.podscopeLoadFailed(error.message);
    }).finally(function () { clearTimeout(slow); });
  }

  /** Starts the app (once). */
  function start() {
    if (started) return;
    started = true;
    root.setAttribute('data-load-state', 'loading');
    var button = document.querySelector('.poster-start');
    if (button !== null) button.remove();
    load();
  }

  /** The poster's Start button (load=click): the one control on the inert poster. */
  function offerStart() {
    var title = text.titles[root.getAttribute('data-scenario')] || '';
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'poster-start';
    button.dataset.testid = 'poster-start';
    var label = document.createElement('span');
    label.className = 'poster-start-label';
    label.textContent = text.start;
    var what = document.createElement('span');
    what.className = 'poster-start-what';
    what.textContent = text.what + (title ? ': ' + title : '');
    button.append(label, what);
    button.addEventListener('click', start);
    document.body.append(button);
  }

  /** Starts once <html> intersects the viewport (at once where that cannot be observed). */
  function startWhenSeen() {
    if (typeof IntersectionObserver !== 'function') {
      start();
      return;
    }
    // rootMargin counts only where the viewport is this document's own (not framed, or framed
    // by the same origin); a cross-origin frame starts when its first pixel shows.
    var observer = new IntersectionObserver(function (entries) {
      for (var i = 0; i < entries.length; i++) {
        if (entries[i].isIntersecting) {
          observer.disconnect();
          start();
          return;
        }
      }
    }, { rootMargin: '200px 0px' });
    observer.observe(root);
  }

  // The pre-rendered status line is written in English at build time.
  whenParsed(function () {
    var status = document.querySelector('.first-screen-status');
    if (status !== null) status.textContent = text.starting;
  });

  if (mode === 'eager') start();
  else if (mode === 'click') whenParsed(offerStart);
  else startWhenSeen();
}());
