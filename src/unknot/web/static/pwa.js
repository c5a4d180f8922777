// Installable and offline: registers unknot's service worker, and on a page the worker served from its
// saved copies (the app was not running), puts the offline page's note at the top.
(function () {
  "use strict";
  if (!("serviceWorker" in navigator)) { return; }

  window.addEventListener("load", function () {
    navigator.serviceWorker.register("/static/sw.js", { scope: "/" }).catch(function (error) {
      console.warn("unknot: no offline copies in this browser (" + error + ")");
    });
  });

  function showSavedCopyNote() {
    var main = document.getElementById("main");
    if (!main || !document.querySelector('meta[name="unknot-saved-copy"]')) { return; }
    fetch("/static/offline.html")
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var note = new DOMParser().parseFromString(html, "text/html").getElementById("not-running");
        if (!note) { return; }
        note = document.importNode(note, true);
        note.querySelectorAll("[data-saved-copy]").forEach(function (part) { part.hidden = false; });
        main.insertBefore(note, main.firstChild);
      });
  }
  document.addEventListener("DOMContentLoaded", showSavedCopyNote);
})();
