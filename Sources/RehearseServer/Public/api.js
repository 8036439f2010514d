// Calls to the JSON API that change data, shared by the pages' scripts: each sends JSON and
// the page's CSRF token.
"use strict";

function post(path, body) {
  return fetch(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept": "application/json",
      "X-CSRF-Token": document.querySelector("meta[name='csrf-token']").content,
    },
    body: JSON.stringify(body),
  });
}
