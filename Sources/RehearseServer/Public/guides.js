// The guides page: uploads a guide file's bytes, then shows what the import did; a guide's
// own page deletes it.
"use strict";

const $ = (id) => document.getElementById(id);

async function upload(event) {
  event.preventDefault();
  const file = $("guide-file").files[0];
  if (!file) return;
  const result = $("upload-result");
  result.textContent = "Importing " + file.name + "…";
  const response = await postFile("/api/guides?name=" + encodeURIComponent(file.name), file);
  const body = await response.json();
  result.replaceChildren();
  if (!response.ok) {
    const error = document.createElement("p");
    error.className = "error";
    error.setAttribute("role", "alert");
    error.textContent = "Not imported: " + body.detail;
    result.append(error);
    return;
  }
  const summary = document.createElement("p");
  const reviews = body.reviews === undefined ? "" : ", " + body.reviews + " reviews added";
  summary.textContent = (body.guides || [body.id]).join(", ") + ": " + body.added + " added, " + body.changed + " changed, "
    + body.retired + " retired, " + body.unchanged + " unchanged" + reviews + ".";
  const link = document.createElement("a");
  link.href = "/guides/" + encodeURIComponent(body.id);
  link.textContent = body.guides ? " See the guide." : " See its outline and code lab results.";
  summary.append(link);
  result.append(summary);
  for (const warning of body.warnings) {
    const item = document.createElement("p");
    item.className = "warning";
    item.textContent = warning;
    result.append(item);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const form = $("upload");
  if (form) form.addEventListener("submit", upload);
});

// The guide page: delete the guide after the user confirms.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("delete-guide");
  if (!button) return;
  button.addEventListener("click", async () => {
    if (!window.confirm("Delete this guide with its cards and their reviews? This cannot be undone.")) return;
    const response = await post("/api/guides/" + encodeURIComponent(button.dataset.id) + "/delete", {});
    const body = await response.json();
    if (!response.ok) {
      document.getElementById("delete-status").textContent = "Not deleted: " + body.detail;
      return;
    }
    window.location.href = "/guides";
  });
});
