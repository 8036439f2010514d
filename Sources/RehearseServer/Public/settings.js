// The settings page: saves the interview date, new cards per day (also per guide) and the
// rest, and shows the plan.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("settings");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("settings-status");
    const response = await post("/api/settings", {
      interview_date: document.getElementById("interview-date").value,
      new_cards_per_day: Number(document.getElementById("new-cards").value),
      minutes_per_day: Number(document.getElementById("minutes").value || 0),
      desired_retention: Number(document.getElementById("retention").value),
      guide_new_cards_per_day: Object.fromEntries([...document.querySelectorAll(".guide-limit")].map(
        (input) => [input.dataset.guide, input.value === "" ? null : Number(input.value)])),
    });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = "Not saved: " + body.detail;
      return;
    }
    document.getElementById("plan").textContent = body.interview_date
      ? "Interview on " + body.interview_date + ", " + body.days_left + " days left: " + body.unseen_cards + " new cards at " + body.new_cards_today + " a day."
      : "No interview date: " + body.new_cards_per_day + " new cards a day.";
    status.textContent = "Saved.";
  });
});

// The memory model: fit FSRS-6 to the user's reviews, or return to the defaults.
document.addEventListener("DOMContentLoaded", () => {
  const status = document.getElementById("fsrs-status");
  const state = document.getElementById("fsrs-state");
  document.getElementById("fsrs-optimize").addEventListener("click", async () => {
    status.textContent = "Fitting…";
    const response = await post("/api/fsrs/optimize", {});
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.detail;
      return;
    }
    const loss = (value) => value.toFixed(4);
    const check = body.hold_out
      ? " On your latest " + body.hold_out.predictions + " reviews: log loss " + loss(body.hold_out.fitted_log_loss) +
        " fitted, " + loss(body.hold_out.current_log_loss) + " in use (lower is better)."
      : "";
    if (body.applied) {
      state.textContent = "Scheduling uses FSRS-6 parameters fitted to your reviews.";
      status.textContent = "Fitted to " + body.reviews + " reviews and applied." + check;
    } else {
      status.textContent = "Fitted to " + body.reviews + " reviews but not applied: it predicts your latest reviews worse than the parameters in use." + check;
    }
  });
  document.getElementById("fsrs-reset").addEventListener("click", async () => {
    const response = await post("/api/fsrs/reset", {});
    if (response.ok) {
      state.textContent = "Scheduling uses FSRS-6's default parameters.";
      status.textContent = "Back to the defaults.";
    } else {
      status.textContent = (await response.json()).detail;
    }
  });
});

// Web access: the password and the API tokens.
document.addEventListener("DOMContentLoaded", () => {
  const passwordForm = document.getElementById("password-form");
  if (!passwordForm) return;
  passwordForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("password-status");
    const password = document.getElementById("new-password").value;
    if (password !== document.getElementById("new-password-again").value) {
      status.textContent = "The two new passwords differ; nothing was changed.";
      return;
    }
    const current = document.getElementById("current-password");
    const response = await post("/api/access/password", { new_password: password, current_password: current ? current.value : null });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.detail;
      return;
    }
    status.textContent = "Password set: every browser signs in again.";
    window.setTimeout(() => { window.location.href = "/login"; }, 1500);
  });
  document.getElementById("token-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("token-status");
    const label = document.getElementById("token-label").value;
    const response = await post("/api/access/tokens", { label });
    const body = await response.json();
    if (!response.ok) {
      status.textContent = body.detail;
      return;
    }
    status.replaceChildren("Token \"" + body.label + "\" (shown only this once; send it as Authorization: Bearer TOKEN): ");
    const code = document.createElement("code");
    code.textContent = body.token;
    status.append(code);
    const item = document.createElement("li");
    item.textContent = body.label + " (just made)";
    const list = document.getElementById("tokens");
    if (list.querySelector("li") && list.children.length === 1 && list.textContent === "No API token.") list.replaceChildren();
    list.append(item);
  });
  document.getElementById("revoke-tokens").addEventListener("click", async () => {
    if (!window.confirm("Revoke every API token? Scripts using them stop working.")) return;
    const response = await post("/api/access/tokens/revoke", {});
    const body = await response.json();
    document.getElementById("token-status").textContent = response.ok ? "Revoked " + body.revoked + " token(s)." : body.detail;
    if (response.ok) {
      const none = document.createElement("li");
      none.textContent = "No API token.";
      document.getElementById("tokens").replaceChildren(none);
    }
  });
});
