// Calls to the JSON API that change data, shared by the pages' scripts: each sends the
// page's CSRF token.
"use strict";

function csrfToken() {
  return document.querySelector("meta[name='csrf-token']").content;
}

// Sends a JSON body.
function post(path, body) {
  return fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrfToken() },
    body: JSON.stringify(body),
  });
}

// Sends a file's bytes unchanged: the server checks them as the command line checks a file.
function postFile(path, file) {
  return fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", "Accept": "application/json", "X-CSRF-Token": csrfToken() },
    body: file,
  });
}
