// The benchmark's LMS: scorm-again's API in the parent window, wrapped to record every call with
// its time (ms since epoch) and, when asked, to hold each commit for a while the way a slow
// server's synchronous XMLHttpRequest does. Configured by the benchmark through window.__benchConfig
// (set before this script runs). Results are read back from window.__bench.
(function () {
  'use strict';
  var config = window.__benchConfig || {};
  var now = function () { return performance.timeOrigin + performance.now(); };
  var bench = (window.__bench = { calls: [], longTasks: [], initializedAt: null, errors: [] });
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { bench.longTasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { bench.errors.push('no longtask observer: ' + e.message); }
  var v2004 = config.version === '2004';
  var settings = { autocommit: false, logLevel: 5, mastery_override: true, autoCompleteLessonStatus: true };
  var api = v2004 ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
  if (config.cmi) api.loadFromJSON(config.cmi);
  var methods = v2004
    ? ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic']
    : ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'];
  var wrapper = {};
  methods.forEach(function (m) {
    wrapper[m] = function (a, b) {
      var t0 = now();
      if ((m === 'LMSCommit' || m === 'Commit' || m === 'LMSFinish' || m === 'Terminate') && config.commitDelayMs > 0) {
        var end = performance.now() + config.commitDelayMs;
        while (performance.now() < end) { /* the server's round trip */ }
      }
      var result = api[m](a, b);
      var call = { m: m, t0: t0, t1: now(), r: String(result) };
      if (m.indexOf('Value') >= 0) call.el = String(a);
      if (m.indexOf('SetValue') >= 0) {
        call.len = String(b).length;
        call.v = String(b).slice(0, 60);
      }
      bench.calls.push(call);
      if ((m === 'LMSInitialize' || m === 'Initialize') && String(result) === 'true') bench.initializedAt = call.t1;
      return result;
    };
  });
  bench.cmi = function () { return api.renderCMIToJSONObject(); };
  if (v2004) window.API_1484_11 = wrapper; else window.API = wrapper;
  document.addEventListener('DOMContentLoaded', function () {
    if (config.src) document.getElementById('sco').src = config.src;
  });
})();
