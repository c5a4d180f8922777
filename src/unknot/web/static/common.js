// Shared by every page. Reduced motion: stop the exercise animations (SMIL) and show the first pose.
(function () {
  "use strict";
  var query = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
  function apply() {
    var reduce = query && query.matches;
    document.querySelectorAll("svg.figure").forEach(function (svg) {
      if (!svg.pauseAnimations) { return; }
      if (reduce) { svg.pauseAnimations(); svg.setCurrentTime(0); } else { svg.unpauseAnimations(); }
    });
  }
  document.addEventListener("DOMContentLoaded", apply);
  if (query && query.addEventListener) { query.addEventListener("change", apply); }
})();
