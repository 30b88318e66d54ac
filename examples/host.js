// The example host page for podscope's postMessage API (README, "Host page API"). Plain
// script, no build. It frames podscope with ?embed=1&height=auto&origin=<this page's origin>
// (plus any other parameter given to this page, e.g. ?from=2&to=9), sends commands, shows the
// events the embed posts back, and sets the frame's height from the embed's height messages.
//
//   host.html?podscope=https://you.github.io/podscope/    (default: ../dist/ beside examples/)
(function () {
  'use strict';
  var PROTOCOL = 1;
  var page = new URLSearchParams(location.search);
  var base = new URL(page.get('podscope') || '../dist/', location.href);
  var src = new URL(base.href);
  src.searchParams.set('embed', '1');
  src.searchParams.set('height', 'auto');
  src.searchParams.set('scenario', 'localhost');
  if (location.origin !== 'null') src.searchParams.set('origin', location.origin);
  page.forEach(function (value, name) {
    if (name !== 'podscope') src.searchParams.set(name, value);
  });
  var podscopeOrigin = src.origin;
  var frame = document.getElementById('podscope');
  var $ = function (id) { return document.getElementById(id); };
  frame.src = src.href;

  // Commands: an object with "podscope": 1 and a "type", posted only to podscope's origin.
  function send(command) {
    command.podscope = PROTOCOL;
    frame.contentWindow.postMessage(command, podscopeOrigin);
  }
  $('run-form').addEventListener('submit', function (e) {
    e.preventDefault();
    send({ type: 'run', terminal: $('terminal').value, line: $('line').value });
  });
  document.querySelectorAll('[data-send]').forEach(function (button) {
    button.addEventListener('click', function () { send(JSON.parse(button.getAttribute('data-send'))); });
  });
  $('goto').addEventListener('click', function () {
    send({ type: 'goto', step: Number($('goto-step').value) || 0 });
  });
  $('load').addEventListener('click', function () {
    send({ type: 'load-scenario', scenario: $('scenario').value });
  });

  var resizes = 0;
  function setHeight(px) {
    if (typeof px !== 'number' || !isFinite(px) || px <= 0) return;
    var height = Math.round(Math.min(Math.max(px, 120), 4000));
    frame.style.height = height + 'px';
    $('height').textContent = height + ' px';
    $('height').setAttribute('data-resizes', String(++resizes));
  }

  // Events: only from our frame and podscope's origin. Embedly's resize message is a JSON
  // string; podscope's own events are objects.
  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow || e.origin !== podscopeOrigin) return;
    var data = e.data;
    if (typeof data === 'string') {
      try { data = JSON.parse(data); } catch (err) { return; }
    }
    if (!data || typeof data !== 'object') return;
    if (data.context === 'iframe.resize') return setHeight(data.height);
    if (data.podscope !== PROTOCOL) return;
    if (data.type === 'ready') {
      $('ready').textContent = 'ready: ' + data.scenario + ', ' + data.steps + ' events';
    } else if (data.type === 'step') {
      $('step').textContent = 'step ' + data.step + ' of ' + data.total;
      $('step').setAttribute('data-step', String(data.step));
    } else if (data.type === 'output') {
      var out = $('output');
      var text = data.text && !data.text.endsWith('\n') ? data.text + '\n' : data.text;
      var status = data.status === undefined ? '(still running)' : '[exit ' + data.status + ']';
      out.textContent += data.terminal + ' $ ' + data.line + '\n' + text + status + '\n';
      out.scrollTop = out.scrollHeight;
    } else if (data.type === 'event') {
      var item = document.createElement('li');
      item.value = data.seq + 1;
      item.textContent = '[' + data.category + '] ' + data.caption;
      $('events').appendChild(item);
      while ($('events').children.length > 200) $('events').firstChild.remove();
      $('events').scrollTop = $('events').scrollHeight;
    }
  });
}());
