// unknot's service worker: while the app on this computer is not running, the browser still opens
// Today and the session as last saved, and an offline page for anything else. The server writes SHELL
// above this file (unknot.web.routes.pwa): its version, the app's own files, the pages it keeps and
// the offline page. Pages and files come from the app first; the saved copies only when it does not
// answer. Nothing but GET is answered here, and nothing from another site.
/* global SHELL */
(function () {
  "use strict";
  var SHELL_CACHE = "unknot-shell-" + SHELL.version;
  var PAGES_CACHE = "unknot-pages-" + SHELL.version;
  var SAVED_MARK = '<meta name="unknot-saved-copy" content="yes">';

  self.addEventListener("install", function (event) {
    event.waitUntil(
      caches.open(SHELL_CACHE)
        .then(function (cache) { return cache.addAll(SHELL.files); })
        .then(function () { return Promise.all(SHELL.pages.map(savePage)); })
        .then(function () { return self.skipWaiting(); })
    );
  });

  // A new release's worker drops the older one's copies.
  self.addEventListener("activate", function (event) {
    event.waitUntil(
      caches.keys()
        .then(function (names) {
          return Promise.all(names.filter(function (name) {
            return name.indexOf("unknot-") === 0 && name !== SHELL_CACHE && name !== PAGES_CACHE;
          }).map(function (name) { return caches.delete(name); }));
        })
        .then(function () { return self.clients.claim(); })
    );
  });

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    var url = new URL(request.url);
    // The token address sets the session cookie: the browser handles it as if there were no worker.
    if (request.method !== "GET" || url.origin !== self.location.origin || url.searchParams.has("token")) {
      return;
    }
    if (request.mode === "navigate") {
      event.respondWith(openPage(event, url));
    } else if (!url.search && SHELL.files.indexOf(url.pathname) !== -1) {
      event.respondWith(fetch(request).catch(function () {
        return match(SHELL_CACHE, url.pathname).then(orError);
      }));
    }
  });

  function isKept(url) {
    return !url.search && SHELL.pages.indexOf(url.pathname) !== -1;
  }

  // Only a plain 200 from the app itself, for the address asked (never a redirect's target).
  function worthKeeping(response) {
    return response.status === 200 && response.type === "basic" && !response.redirected;
  }

  function openPage(event, url) {
    return fetch(event.request).then(function (response) {
      if (isKept(url) && worthKeeping(response)) {
        var copy = response.clone();
        event.waitUntil(keep(url.pathname, copy).then(function () { return refreshOthers(url.pathname); }));
      }
      return response;
    }, function () {
      return savedPage(url);
    });
  }

  function keep(path, response) {
    return caches.open(PAGES_CACHE).then(function (cache) { return cache.put(path, response); });
  }

  function savePage(path) {
    return fetch(path)
      .then(function (response) { return worthKeeping(response) ? keep(path, response) : undefined; })
      .catch(function () { return undefined; });  // the app is not running: the older copy stays
  }

  // Today and the session go together: opening one saves the other as it is now.
  function refreshOthers(path) {
    return Promise.all(SHELL.pages.filter(function (other) { return other !== path; }).map(savePage));
  }

  function match(cacheName, path) {
    return caches.open(cacheName).then(function (cache) { return cache.match(path); });
  }

  function orError(response) {
    return response || Response.error();
  }

  // The kept copy of this very address, marked so the page can say it is a saved copy; else the offline page.
  function savedPage(url) {
    var copy = isKept(url) ? match(PAGES_CACHE, url.pathname) : Promise.resolve(undefined);
    return copy.then(function (response) {
      return response ? marked(response) : match(SHELL_CACHE, SHELL.offline).then(orError);
    });
  }

  function marked(response) {
    return response.text().then(function (html) {
      var headers = new Headers(response.headers);
      headers.delete("content-length");
      return new Response(html.replace("<head>", "<head>" + SAVED_MARK), {
        status: response.status, statusText: response.statusText, headers: headers
      });
    });
  }
})();
