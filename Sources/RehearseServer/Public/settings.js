// The settings page: saves the interview date and new cards per day, and shows the plan.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("settings");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const status = document.getElementById("settings-status");
    const response = await post("/api/settings", {
      interview_date: document.getElementById("interview-date").value,
      new_cards_per_day: Number(document.getElementById("new-cards").value),
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
