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
