// The study page: Space reveals, 1-4 rate, u takes the last answer back. Each answer is
// stored by the server before the next card is fetched, so a reload loses nothing.
"use strict";

let card = null;
let shownAt = 0;
let typedAnswer = null;
// The answers given on this page, newest last, for undo.
const saved = [];

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
  if (response.status === 401) {
    window.location = "/login?next=/";
    return;
  }
  if (response.status === 204) {
    card = null;
    $("prompt").textContent = "Nothing is due and no new card is left for today.";
    $("counts").textContent = saved.length + " answered on this page";
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
  $("feedback").hidden = true;
  typedAnswer = null;
  $("typed-answer").value = "";
  $("typing").hidden = !$("typed").checked;
  $("reveal").hidden = $("typed").checked;
  $("ratings").hidden = true;
  $("counts").textContent = body.due_count + " due · " + body.new_count + " new · " + saved.length + " answered on this page";
  for (const button of $("ratings").querySelectorAll("button")) {
    button.querySelector("span").textContent = interval(body.intervals_seconds[button.dataset.rating]);
  }
  if ($("typed").checked) { $("typed-answer").focus(); } else { $("reveal").focus(); }
}

function reveal() {
  if (!card) return;
  $("answer").hidden = false;
  $("reveal").hidden = true;
  $("ratings").hidden = false;
  shownAt = Date.now();
  $("ratings").querySelector("button[data-rating='3']").focus();
}

// Shows each key point ticked or missed, the matched words highlighted, and focuses the
// suggested rating so that Enter accepts it.
async function check() {
  if (!card) return;
  typedAnswer = $("typed-answer").value;
  const response = await post("/api/grade", { card_id: card.id, answer: typedAnswer });
  const grade = await response.json();
  if (!response.ok) {
    $("status").textContent = "Not checked: " + grade.detail;
    return;
  }
  const feedback = $("feedback");
  feedback.replaceChildren();
  const list = document.createElement("ul");
  for (const point of grade.covered) {
    const item = document.createElement("li");
    item.className = "covered";
    item.textContent = "✓ " + point;
    list.append(item);
  }
  for (const point of grade.missed) {
    const item = document.createElement("li");
    item.className = "missed";
    item.textContent = "✗ " + point;
    list.append(item);
  }
  // The typed answer again, with the words that matched a key point highlighted.
  const matched = new Set(grade.matched.flat().map((word) => word.toLowerCase()));
  const echo = document.createElement("p");
  echo.className = "echo";
  for (const part of typedAnswer.split(/(\s+)/)) {
    const bare = part.replace(/^[^\w*=:.-]+|[^\w*=:.-]+$/g, "").toLowerCase();
    if (matched.has(bare)) {
      const mark = document.createElement("mark");
      mark.textContent = part;
      echo.append(mark);
    } else {
      echo.append(document.createTextNode(part));
    }
  }
  feedback.append(list, echo);
  feedback.hidden = false;
  $("typing").hidden = true;
  reveal();
  $("ratings").querySelector("button[data-rating='" + grade.rating + "']").focus();
}

async function rate(rating) {
  if (!card || $("ratings").hidden) return;
  const response = await post("/api/reviews", typedAnswer === null
    ? { card_id: card.id, rating: rating, duration_ms: Date.now() - shownAt }
    : { card_id: card.id, rating: rating, answer: typedAnswer, duration_ms: Date.now() - shownAt });
  if (response.status !== 201) {
    const problem = await response.json();
    $("status").textContent = "Not saved: " + problem.detail;
    return;
  }
  const review = await response.json();
  saved.push(review.review_id);
  $("undo").hidden = false;
  $("status").textContent = "Saved · next " + new Date(review.next_due).toLocaleString();
  await next();
}

// Takes the last answer back: the server restores the card's schedule, and the card is
// studied again.
async function undo() {
  if (saved.length === 0) return;
  const response = await post("/api/reviews/undo", { review_id: saved[saved.length - 1] });
  const body = await response.json();
  if (!response.ok) {
    $("status").textContent = "Not undone: " + body.detail;
    return;
  }
  saved.pop();
  $("undo").hidden = saved.length === 0;
  $("status").textContent = "Undone.";
  await next();
}

document.addEventListener("keydown", (event) => {
  if (event.target === $("typed-answer")) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      check();
    }
    return;
  }
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === " " || event.key === "Enter") {
    if (!$("ratings").hidden || event.target.tagName === "INPUT") return;
    event.preventDefault();
    reveal();
  } else if (["1", "2", "3", "4"].includes(event.key)) {
    event.preventDefault();
    rate(Number(event.key));
  } else if (event.key === "u" && event.target.tagName !== "INPUT") {
    event.preventDefault();
    undo();
  }
});

document.addEventListener("DOMContentLoaded", () => {
  $("reveal").addEventListener("click", reveal);
  $("check").addEventListener("click", check);
  $("undo").addEventListener("click", undo);
  $("typed").addEventListener("change", () => { if (card && $("answer").hidden) next(); });
  for (const button of $("ratings").querySelectorAll("button")) {
    button.addEventListener("click", () => rate(Number(button.dataset.rating)));
  }
  next();
});
