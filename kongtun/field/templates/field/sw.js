{% load static %}/* The service worker of field entry (scope {% url 'field:home' %}): the pages of field entry are
   fetched from the network when there is signal and kept, so they open without it; static files
   are served from the cache and refreshed behind. Records are not handled here: field.js keeps
   them in IndexedDB and sends them itself. */
importScripts(
  "{% static 'vendor/workbox/workbox-core.prod.js' %}",
  "{% static 'vendor/workbox/workbox-routing.prod.js' %}",
  "{% static 'vendor/workbox/workbox-strategies.prod.js' %}"
);

const SCOPE = "{% url 'field:home' %}";
const NETWORK_ONLY = ["{% url 'field:session' %}"];
const PAGES = "kongtun-field-pages";
const { registerRoute, setCatchHandler } = workbox.routing;
const { NetworkFirst, NetworkOnly, StaleWhileRevalidate } = workbox.strategies;

self.skipWaiting();
workbox.core.clientsClaim();

// Pages vary by cookie and language; one phone has one user, so a kept page matches any request.
const matchOptions = { ignoreVary: true };

registerRoute(({ url }) => NETWORK_ONLY.includes(url.pathname), new NetworkOnly());
registerRoute(
  ({ url, request }) => request.method === "GET" && url.origin === self.location.origin && url.pathname.startsWith(SCOPE),
  new NetworkFirst({ cacheName: PAGES, networkTimeoutSeconds: 5, matchOptions })
);
registerRoute(
  ({ url }) => url.origin === self.location.origin && url.pathname.startsWith("{% get_static_prefix %}"),
  new StaleWhileRevalidate({ cacheName: "kongtun-field-static", matchOptions })
);

// A page never opened with signal: the field home, which was.
setCatchHandler(async ({ request }) => {
  if (request.mode === "navigate") {
    const home = await caches.match(SCOPE, matchOptions);
    if (home) return home;
  }
  return Response.error();
});
