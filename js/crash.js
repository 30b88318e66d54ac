// The last line of defence: when the app itself fails, an error panel instead of a dead or
// blank page. Loaded before the wasm (index.html), so it also covers a wasm that fails to load.
//
// Three ways a failure reaches it:
//   - a Rust panic: the panic hook (src/ui/crash.rs) calls window.podscopeCrash(message) before
//     the release build's panic=abort traps the wasm;
//   - a trap without a panic (stack overflow, out of memory) surfaces as a WebAssembly
//     RuntimeError from whatever called into the wasm: a window "error" event;
//   - the loader's promise failing (the wasm could not be fetched or compiled):
//     an "error" or "unhandledrejection" event.
// Errors from elsewhere (a browser extension, a cross-origin "Script error.") are not ours and
// leave the page alone.
//
// web/start.js reports a wasm that could not be loaded (HTTP error, blocked, not a module) through
// window.podscopeLoadFailed(reason): the same panel, titled "podscope could not load", saying
// why and offering Try again.
//
// The panel offers Reload, Reset (the saved session is set
// aside under SET_ASIDE_KEY, kept for a bug report, and the default scenario opens) and Copy
// report. It is built with createElement and textContent only: nothing in a report is markup.
(() => {
  const SESSION_KEY = 'podscope.session';
  const SET_ASIDE_KEY = 'podscope.session.set-aside';
  // The last scenario opened (src/ui/provider.rs SCENARIO_KEY): a bare address reopens it, so
  // Reset forgets it to open the default scenario.
  const SCENARIO_KEY = 'podscope.scenario';
  const failures = [];
  let panel = null;
  // Until Trunk's loader reports the app started, any failure means it did not start.
  let started = false;
  addEventListener('TrunkApplicationStarted', () => { started = true; });

  /** Whether `error` is the wasm failing (a trap, or a module that does not compile or link). */
  function wasmError(error) {
    return error instanceof WebAssembly.RuntimeError || error instanceof WebAssembly.CompileError
      || error instanceof WebAssembly.LinkError;
  }

  /** Whether an error event comes from this app (its origin, or a wasm trap). */
  function ours(event) {
    if (!started || wasmError(event.error)) return true;
    const file = event.filename ?? '';
    return file !== '' && file.startsWith(location.origin);
  }

  /** Whether a rejected promise's `reason` is this app failing. */
  function oursRejected(reason) {
    return !started || wasmError(reason) || String(reason?.stack ?? '').includes(location.origin);
  }

  /** The text someone pastes into a bug report. */
  function reportText() {
    const lines = [
      'podscope error report',
      `page: ${location.href}`,
      `browser: ${navigator.userAgent}`,
      `time: ${new Date().toISOString()}`,
      '',
    ];
    for (const f of failures) {
      lines.push(`${f.kind}: ${f.message}`);
      if (f.stack) lines.push(f.stack);
      lines.push('');
    }
    return lines.join('\n');
  }

  /** A button with `label` and data-testid `id` that runs `onclick`. */
  function button(label, id, onclick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.testid = id;
    b.addEventListener('click', onclick);
    return b;
  }

  /** Copies the report; shows it selected when the clipboard refuses. */
  async function copyReport(status, pre) {
    const text = reportText();
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = wording().copied;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      status.textContent = wording().selected;
    }
  }

  /** Sets the saved session aside (never deletes it) and opens the default scenario. */
  function reset() {
    try {
      const saved = localStorage.getItem(SESSION_KEY);
      if (saved !== null) localStorage.setItem(SET_ASIDE_KEY, saved);
      localStorage.removeItem(SESSION_KEY);
      localStorage.removeItem(SCENARIO_KEY);
    } catch {
      // Storage that throws holds no session to set aside.
    }
    // The default scenario, in the language the page asked for.
    const lang = new URLSearchParams(location.search).get('lang');
    location.replace(location.pathname + (lang === null ? '' : `?lang=${encodeURIComponent(lang)}`));
  }

  /** What the panel says, per interface language (web/first-screen.js, then the app, set it on
   *  <html lang>; the report itself stays English, for the bug tracker). */
  const WORDING = {
    en: {
      crash: {
        title: 'podscope stopped working',
        what: 'Something inside podscope failed: a bug in podscope, not something you did. '
          + 'Reload starts podscope again; Reset also sets any saved session aside (it is kept, not '
          + 'deleted) and opens the first scenario. Copy report puts what happened on the clipboard '
          + 'for a bug report.',
        reload: 'Reload',
      },
      load: {
        title: 'podscope could not load',
        what: 'podscope runs in your browser, and the file that holds the simulation did not '
          + 'arrive. Try again in a moment; if it keeps failing, the site may be missing files or '
          + 'a content blocker may be stopping it. Copy report puts the details on the clipboard.',
        reload: 'Try again',
      },
      reset: 'Reset',
      copy: 'Copy report',
      copied: 'Report copied.',
      selected: 'The clipboard is not available here: the report is selected, copy it with Ctrl+C.',
    },
    es: {
      crash: {
        title: 'podscope dejó de funcionar',
        what: 'Algo falló dentro de podscope: es un error de podscope, no algo que hicieras. '
          + 'Recargar vuelve a iniciar podscope; Restablecer además aparta la sesión guardada (se '
          + 'conserva, no se borra) y abre el primer escenario. Copiar informe pone lo ocurrido en '
          + 'el portapapeles para un informe de error.',
        reload: 'Recargar',
      },
      load: {
        title: 'podscope no pudo cargar',
        what: 'podscope se ejecuta en tu navegador, y el archivo que contiene la simulación no '
          + 'llegó. Vuelve a intentarlo en un momento; si sigue fallando, puede que al sitio le '
          + 'falten archivos o que un bloqueador de contenido lo esté impidiendo. Copiar informe '
          + 'pone los detalles en el portapapeles.',
        reload: 'Reintentar',
      },
      reset: 'Restablecer',
      copy: 'Copiar informe',
      copied: 'Informe copiado.',
      selected: 'El portapapeles no está disponible aquí: el informe está seleccionado, cópialo con Ctrl+C.',
    },
  };

  /** The wording in the page's language (English when it is not shipped). */
  function wording() {
    return WORDING[document.documentElement.lang] ?? WORDING.en;
  }

  function build(kind) {
    const language = wording();
    const words = language[kind];
    const root = document.createElement('div');
    root.className = 'crash-panel';
    root.dataset.testid = 'crash-panel';
    root.dataset.kind = kind;
    root.setAttribute('role', 'alertdialog');
    root.setAttribute('aria-labelledby', 'crash-title');
    root.setAttribute('aria-describedby', 'crash-what crash-why');
    const box = document.createElement('div');
    box.className = 'crash-box';
    const title = document.createElement('h2');
    title.id = 'crash-title';
    title.textContent = words.title;
    const what = document.createElement('p');
    what.id = 'crash-what';
    what.textContent = words.what;
    const why = document.createElement('p');
    why.id = 'crash-why';
    why.className = 'crash-why';
    why.dataset.testid = 'crash-why';
    const pre = document.createElement('pre');
    pre.className = 'crash-report';
    pre.dataset.testid = 'crash-report';
    const status = document.createElement('p');
    status.className = 'crash-status';
    status.dataset.testid = 'crash-status';
    status.setAttribute('aria-live', 'polite');
    const actions = document.createElement('div');
    actions.className = 'crash-actions';
    actions.append(
      button(words.reload, 'crash-reload', () => location.reload()),
      ...(kind === 'crash' ? [button(language.reset, 'crash-reset', reset)] : []),
      button(language.copy, 'crash-copy', () => copyReport(status, pre)),
    );
    box.append(title, what, why, actions, status, pre);
    root.append(box);
    return { root, pre, why, first: actions.firstChild };
  }

  /** Records a failure and shows (or updates) the panel; `load` when the app could not load. */
  function show(kind, message, stack, load = false) {
    failures.push({ kind, message: String(message), stack: stack ? String(stack) : '' });
    // Later failures are usually echoes of the first (a trapped wasm called again).
    if (failures.length > 20) failures.splice(1, 1);
    const mount = () => {
      if (!panel) {
        panel = build(load ? 'load' : 'crash');
        if (load) panel.why.textContent = String(message);
        // The stopped app behind the panel takes no focus: Tab stays among the panel's buttons.
        for (const other of document.body.children) other.inert = true;
        document.body.append(panel.root);
        panel.first.focus();
      }
      panel.pre.textContent = reportText();
    };
    if (document.body) mount();
    else addEventListener('DOMContentLoaded', mount, { once: true });
  }

  /** Called by the panic hook with the panic's message (and location). */
  window.podscopeCrash = (message) => show('panic', message, new Error('where the hook ran').stack);

  /** Called by web/start.js with why the app's files could not be loaded. */
  window.podscopeLoadFailed = (reason) => show('load failure', reason, '', true);

  addEventListener('error', (event) => {
    if (!ours(event)) return;
    const error = event.error;
    show(error?.name ?? 'error', error?.message ?? event.message, error?.stack);
  });
  addEventListener('unhandledrejection', (event) => {
    const error = event.reason;
    if (!oursRejected(error)) return;
    show('unhandled rejection', error?.message ?? String(error), error?.stack);
  });
})();
