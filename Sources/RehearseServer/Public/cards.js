// The card browser: suspend, bury, reset or flag a card, then show the list as it now is.
"use strict";

async function changeCard(action, id) {
  const status = document.getElementById("card-status");
  const response = await post("/api/cards/actions", { action: action, ids: [id] });
  if (!response.ok) {
    status.textContent = "Not changed: " + (await response.json()).detail;
    return;
  }
  window.location.reload();
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll(".card-action")) {
    button.addEventListener("click", () => {
      if (button.dataset.action === "reset" && !window.confirm("Make this card new again? Its reviews stay in the log.")) return;
      changeCard(button.dataset.action, button.dataset.id);
    });
  }
  for (const select of document.querySelectorAll(".card-flag")) {
    select.addEventListener("change", () => changeCard(select.value, select.dataset.id));
  }
});

// A card's page: save an edit of its wording, or go back to the guide's.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("edit-card");
  if (form) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const keypoints = document.getElementById("edit-keypoints").value.split("\n").map((line) => line.trim()).filter((line) => line);
      const response = await post("/api/cards/" + encodeURIComponent(form.dataset.id) + "/edit", {
        prompt: document.getElementById("edit-prompt").value,
        answer: document.getElementById("edit-answer").value,
        keypoints: keypoints,
      });
      if (!response.ok) {
        document.getElementById("edit-status").textContent = "Not saved: " + (await response.json()).detail;
        return;
      }
      window.location.reload();
    });
  }
  const revert = document.getElementById("revert-card");
  if (revert) {
    revert.addEventListener("click", async () => {
      const response = await post("/api/cards/" + encodeURIComponent(revert.dataset.id) + "/revert", {});
      if (response.ok) window.location.reload();
      else document.getElementById("edit-status").textContent = (await response.json()).detail;
    });
  }
});
