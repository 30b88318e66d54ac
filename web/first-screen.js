// podscope's page script (classic, in <head>, before anything paints; an external file so a
// strict Content-Security-Policy needs no inline-script hash). Two jobs:
//
// 1. Pick the pre-rendered first screen. index.html holds one pre-rendered block per scenario
//    and interface language (`<div data-prerender="ID" lang="LANG">`, written at build time by
//    scripts/prerender.mjs from the app itself; the seldom shown ones wait in templates and are
//    taken out below when chosen); CSS shows only the one named by
//    <html data-scenario lang>, which are set here the way the app chooses them: the scenario
//    from ?scenario=ID, else #ID, else the one stored last visit; the language from lang=, else
//    the browser's first shipped language, else English (src/i18n, src/ui/language.rs).
//    ?embed=1 picks the embed's block (the poster of load=lazy|click, web/start.js) and its
//    view; the stored large-text setting applies at once. web/start.js and js/crash.js speak
//    the language on <html lang>.
// 2. window.podscopeLoadYaml(): imports the YAML parser module (podscope-yaml, named by
//    <meta name="podscope-yaml">) once, for the app's src/ui/yaml.rs.
(function () {
  'use strict';
  var root = document.documentElement;
  var ids = ['shared-volume', 'localhost', 'docs-original', 'custom'];
  function stored(key) {
    try {
      var raw = window.localStorage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch (e) {
      return null;
    }
  }
  // The page's own defaults (<meta name="podscope-defaults">: embed=1 on embed.html,
  // scenario=ID on ID.html; scripts/prerender.mjs), then the URL's parameters, which win.
  var defaults = document.querySelector('meta[name="podscope-defaults"]');
  var params = new URLSearchParams(defaults === null ? '' : defaults.content);
  new URLSearchParams(window.location.search).forEach(function (value, name) { params.set(name, value); });

  /** The language of `shipped` a BCP 47 tag asks for (`es-ES` asks for `es`), or null. */
  function asked(tag, shipped) {
    var primary = String(tag).split(/[-_]/)[0].trim().toLowerCase();
    return shipped.indexOf(primary) >= 0 ? primary : null;
  }

  /** lang= (English when it names no shipped language), else the browser's languages. */
  function chooseLang(shipped) {
    if (params.has('lang')) return asked(params.get('lang'), shipped) || 'en';
    var preferred = navigator.languages || [navigator.language || ''];
    for (var i = 0; i < preferred.length; i++) {
      if (asked(preferred[i], shipped)) return asked(preferred[i], shipped);
    }
    return 'en';
  }
  var hash = window.location.hash.replace(/^#/, '');
  var embed = params.get('embed') === '1';
  // An embed never reads storage (the app does not either).
  var picks = [params.get('scenario'), hash, embed ? null : stored('podscope.scenario')];
  var scenario = 'shared-volume';
  for (var i = 0; i < picks.length; i++) {
    if (ids.indexOf(picks[i]) >= 0) { scenario = picks[i]; break; }
  }
  root.setAttribute('data-scenario', scenario);
  root.setAttribute('lang', chooseLang(['en', 'es']));
  // The tab's title until the app sets it (locales/*.ftl page.title).
  if (root.getAttribute('lang') === 'es') document.title = 'podscope — dentro de un pod de Kubernetes';
  if (embed) {
    root.setAttribute('data-embed', '');
    // The embed's poster (pre-rendered with ?embed=1) follows view=, controls=, links= and
    // theme= as the app will (first-screen.css).
    ['view', 'controls', 'links'].forEach(function (name) {
      if (params.get(name) !== null) root.setAttribute('data-' + name, params.get(name));
    });
    if (['light', 'dark'].indexOf(params.get('theme')) >= 0) root.setAttribute('data-theme', params.get('theme'));
  }
  if (stored('podscope.large-text') === 'on') root.className = 'large-text';

  // Screens a visit seldom shows wait in <template data-prerender-later> (scripts/pages.mjs):
  // once <body> is parsed, the ones of this visit's scenario, language and kind (the embed's
  // poster or the full app's screen) take their place, and first-screen.css picks among them.
  document.addEventListener('DOMContentLoaded', function () {
    var later = document.querySelectorAll('template[data-prerender-later]');
    for (var i = 0; i < later.length; i++) {
      var block = later[i].content.firstElementChild;
      if (block !== null && block.getAttribute('data-prerender') === scenario
        && block.getAttribute('lang') === root.getAttribute('lang')
        && block.hasAttribute('data-embed-poster') === embed) {
        later[i].replaceWith(later[i].content);
      }
    }
  }, { once: true });

  var loading = null;
  window.podscopeLoadYaml = function () {
    if (loading === null) {
      var meta = document.querySelector('meta[name="podscope-yaml"]');
      loading = meta === null
        ? Promise.reject(new Error('index.html names no podscope-yaml module'))
        : import(new URL(meta.content, document.baseURI).href).then(function (module) {
          var wasm = new URL(meta.getAttribute('data-wasm'), document.baseURI).href;
          return module.default({ module_or_path: wasm }).then(function () { return module; });
        });
    }
    return loading;
  };
}());
