// The study page: Space reveals, 1-4 rate. Each answer is stored by the server before the
// next card is fetched, so a reload loses nothing.
"use strict";

let card = null;
let shownAt = 0;

const $ = (id) => document.getElementById(id);

function interval(seconds) {
  if (seconds < 60) return "<1m";
  if (seconds < 3600) return Math.round(seconds / 60) + "m";
  if (seconds < 86400) return Math.round(seconds / 3600) + "h";
  if (seconds < 30 * 86400) return Math.round(seconds / 86400) + "d";
  if (seconds < 365 * 86400) return (seconds / (30 * 86400)).toFixed(1) + "mo";
  return (seconds / (365 * 86400)).toFixed(1) + "y";
}

async function next() {
  const response = await fetch("/api/study/next", { headers: { "Accept": "application/json" } });
  if (response.status === 204) {
    card = null;
    $("prompt").textContent = "Nothing is due and no new card is left for today.";
    $("path").textContent = "";
    $("reveal").hidden = true;
    $("ratings").hidden = true;
    return;
  }
  const body = await response.json();
  card = body.card;
  $("path").textContent = [card.guide].concat(card.section).join(" › ");
  $("prompt").textContent = card.prompt;
  $("answer").textContent = card.answer;
  $("answer").hidden = true;
  $("reveal").hidden = false;
  $("ratings").hidden = true;
  $("counts").textContent = body.due_count + " due · " + body.new_count + " new";
  for (const button of $("ratings").querySelectorAll("button")) {
    button.querySelector("span").textContent = interval(body.intervals_seconds[button.dataset.rating]);
  }
  $("reveal").focus();
}

function reveal() {
  if (!card) return;
  $("answer").hidden = false;
  $("reveal").hidden = true;
  $("ratings").hidden = false;
  shownAt = Date.now();
  $("ratings").querySelector("button[data-rating='3']").focus();
}

async function rate(rating) {
  if (!card || $("ratings").hidden) return;
  const response = await fetch("/api/reviews", {
    method: "POST",
    headers: { "Content-Type": "application/json", "Accept": "application/json" },
    body: JSON.stringify({ card_id: card.id, rating: rating, duration_ms: Date.now() - shownAt }),
  });
  if (response.status !== 201) {
    const problem = await response.json();
    $("status").textContent = "Not saved: " + problem.detail;
    return;
  }
  const saved = await response.json();
  $("status").textContent = "Saved · next " + new Date(saved.next_due).toLocaleString();
  await next();
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === " " || event.key === "Enter") {
    if (!$("ratings").hidden) return;
    event.preventDefault();
    reveal();
  } else if (["1", "2", "3", "4"].includes(event.key)) {
    event.preventDefault();
    rate(Number(event.key));
  }
});

document.addEventListener("DOMContentLoaded", () => {
  $("reveal").addEventListener("click", reveal);
  for (const button of $("ratings").querySelectorAll("button")) {
    button.addEventListener("click", () => rate(Number(button.dataset.rating)));
  }
  next();
});
