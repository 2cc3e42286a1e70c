// live.js - pages work without JavaScript; this adds live updates.
// A submission page (#live with data-state other than "done") asks the
// JSON endpoint once a second and, when the state, the verdict or the number
// of tests run changes, replaces the result part of the page with a fresh
// copy, without a reload.
// A page with [data-refresh] (an import or a rejudge still running) is
// refreshed the same way until it says it is finished.
(function () {
  'use strict';
  function refreshPart(id) {
    return fetch(location.href, { credentials: 'same-origin' })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById(id), old = document.getElementById(id);
        if (fresh && old) old.replaceWith(fresh);
        return fresh;
      });
  }
  function watchSubmission(el) {
    var last = el.dataset.state + '/' + (document.getElementById('verdict') || {}).textContent + '/' +
      (el.dataset.done || '0');
    function tick() {
      fetch('/api/submissions/' + encodeURIComponent(el.dataset.id), { credentials: 'same-origin' })
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (s) {
          var now = s.state + '/' + (s.verdict || s.state) + '/' + s.tests_done;
          if (now === last) { setTimeout(tick, 1000); return; }
          last = now;
          refreshPart('live').then(function (fresh) {
            if (fresh && fresh.dataset.state !== 'done') watchSubmission(fresh);
          });
        })
        .catch(function () { setTimeout(tick, 3000); });
    }
    setTimeout(tick, 700);
  }
  function watchPart(el) {
    setTimeout(function () {
      refreshPart(el.id).then(function (fresh) {
        if (fresh && fresh.hasAttribute('data-refresh')) watchPart(fresh);
      }).catch(function () { watchPart(el); });
    }, 1000);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var live = document.getElementById('live');
    if (live && live.dataset.state !== 'done') watchSubmission(live);
    document.querySelectorAll('[data-refresh][id]').forEach(watchPart);
  });
})();
