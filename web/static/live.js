// live.js - pages work without JavaScript; this adds live updates.
// A submission page (#live with data-state other than "done") asks the
// JSON endpoint once a second and, when the state, the verdict or the number
// of tests run changes, replaces the result part of the page with a fresh
// copy, without a reload.
// A page with [data-refresh] (an import or a rejudge still running) is
// refreshed the same way until it says it is finished.
// A <time datetime> (a deadline, shown in the course's zone) gets the same
// instant in the reader's own zone beside it.
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
  function localTimes() {
    var fmt = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
    document.querySelectorAll('time[datetime]').forEach(function (t) {
      var d = new Date(t.getAttribute('datetime'));
      if (isNaN(d.getTime())) return;
      var s = document.createElement('span');
      s.className = 'muted local-time';
      s.textContent = ' (your time: ' + d.toLocaleString(undefined, fmt) + ')';
      t.after(s);
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    localTimes();
    var live = document.getElementById('live');
    if (live && live.dataset.state !== 'done') watchSubmission(live);
    document.querySelectorAll('[data-refresh][id]').forEach(watchPart);
  });
})();
