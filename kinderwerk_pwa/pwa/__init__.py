"""The installable app: the service worker, made from the running build (precache.py, sw.js).

Knows files, not people: imports nothing of the domain, Reflex or the API."""
