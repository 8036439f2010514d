// The study page: Space reveals, 1-4 rate, u takes the last answer back. Each answer is
// stored by the server before the next card is fetched, so a reload loses nothing. Each
// shown card gets a request id: a second press (a double click, a key pressed twice) sends
// the same id, and the server stores the answer once.
"use strict";

let card = null;
let shownAt = 0;
let typedAnswer = null;
let requestId = null;
// The request id of the answer on its way, if any: a second press for the same card is dropped.
let answering = null;
// Undo presses run one after another: "uu" takes back the last two answers.
let undoQueue = Promise.resolve();
// The answers given on this page, newest last, for undo.
const saved = [];

const $ = (id) => document.getElementById(id);


// Whole seconds, so that a one-minute step read off the clock a moment later says "1m".
function interval(exactSeconds) {
  const seconds = Math.round(exactSeconds);
  if (seconds < 60) return "<1m";
  if (seconds < 3600) return Math.round(seconds / 60) + "m";
  if (seconds < 86400) return Math.round(seconds / 3600) + "h";
  if (seconds < 30 * 86400) return Math.round(seconds / 86400) + "d";
  if (seconds < 365 * 86400) return (seconds / (30 * 86400)).toFixed(1) + "mo";
  return (seconds / (365 * 86400)).toFixed(1) + "y";
}

// 128 random bits as hex: crypto.randomUUID needs a secure context, which a LAN address is not.
function newRequestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

// Nothing to study now: say when the next card comes (and why new cards wait), clear the
// last card, and come back by itself when the next card falls due within the hour.
let waiting = null;
async function showNothingLeft() {
  card = null;
  const outlook = await (await fetch("/api/study/outlook", { headers: { "Accept": "application/json" } })).json();
  $("prompt").textContent = outlook.message;
  $("counts").textContent = saved.length + " answered on this page";
  $("path").textContent = "";
  for (const id of ["answer", "feedback", "typing", "reveal", "ratings"]) $(id).hidden = true;
  // New cards held back by today's limit: offer a few more, for today only.
  $("more-new-cards").hidden = !(outlook.new_waiting > 0 && outlook.new_today >= outlook.new_per_day);
  clearTimeout(waiting);
  const wait = outlook.next_due ? Date.parse(outlook.next_due) - Date.now() : Infinity;
  if (wait < 3600 * 1000) waiting = setTimeout(next, Math.max(wait, 0) + 1000);
}

async function moreNewCards() {
  const response = await post("/api/study/more-new", { count: 10 });
  if (!response.ok) {
    $("status").textContent = (await response.json()).detail;
    return;
  }
  $("more-new-cards").hidden = true;
  await next();
}

async function next() {
  const response = await fetch("/api/study/next", { headers: { "Accept": "application/json" } });
  if (response.status === 401) {
    window.location = "/login?next=/";
    return;
  }
  if (response.status === 204) {
    await showNothingLeft();
    return;
  }
  const body = await response.json();
  card = body.card;
  requestId = newRequestId();
  $("path").textContent = [card.guide].concat(card.section).join(" › ");
  // Output, values and code are exact text: shown, and typed, monospaced.
  const exact = card.kind === "predict-output" || card.kind === "claim" || card.kind === "write-code";
  renderText($("prompt"), card.prompt, { code: card.kind === "predict-output" || card.kind === "explain-code" });
  renderText($("answer"), card.answer, { wholeCode: exact });
  $("typed-answer").classList.toggle("code", exact);
  $("answer").hidden = true;
  $("feedback").hidden = true;
  typedAnswer = null;
  $("typed-answer").value = "";
  $("typing").hidden = !$("typed").checked;
  $("reveal").hidden = $("typed").checked;
  $("ratings").hidden = true;
  $("counts").textContent = body.due_count + " due · " + body.new_count + " new · " + saved.length + " answered on this page";
  // The labels are the due times the server will store for each rating, counted from the
  // server's own clock (a phone's may be off).
  const shown = Date.parse(body.shown_at);
  for (const button of $("ratings").querySelectorAll("button")) {
    const due = Date.parse(body.next_due[button.dataset.name]);
    button.querySelector("span").textContent = interval(Math.max(0, (due - shown) / 1000));
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
  showFeedback(grade);
  $("typing").hidden = true;
  reveal();
  $("ratings").querySelector("button[data-rating='" + grade.rating + "']").focus();
}

// Each point with a button to correct the grader: a missed point "I said this", a ticked
// one "I didn't say this". The grader keeps the answer's words for this card.
function showFeedback(grade) {
  const feedback = $("feedback");
  feedback.replaceChildren();
  const list = document.createElement("ul");
  const wrong = new Map(grade.contradicted.map((point) => [point.keypoint, point.evidence]));
  const taught = new Set(grade.taught);
  const points = grade.covered.map((point) => [point, true]).concat(grade.missed.map((point) => [point, false]));
  for (const [point, covered] of points) {
    const item = document.createElement("li");
    item.className = covered ? "covered" : wrong.has(point) ? "missed contradicted" : "missed";
    item.textContent = (covered ? "✓ " : "✗ ") + point;
    if (wrong.has(point)) {
      const said = document.createElement("span");
      said.className = "evidence";
      said.textContent = " — you said: “" + wrong.get(point) + "”";
      item.append(said);
    }
    if (taught.has(point)) {
      const mark = document.createElement("span");
      mark.className = "evidence";
      mark.textContent = " (you taught this)";
      item.append(mark);
    }
    const button = document.createElement("button");
    button.type = "button";
    button.className = "teach";
    button.textContent = covered ? "I didn't say this" : "I said this";
    button.addEventListener("click", () => teach(point, !covered));
    item.append(" ", button);
    list.append(item);
  }
  const note = document.createElement("p");
  note.className = "note";
  note.textContent = grade.note || "";
  note.hidden = !grade.note;
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
  // The suggestion in words, as the terminal gives it.
  const names = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };
  const suggested = document.createElement("p");
  suggested.className = "suggested";
  suggested.textContent = "Suggested: " + grade.rating + " " + names[grade.rating] + " (score " + Math.round(grade.score * 100) + "%) — Enter accepts, 1–4 to choose";
  feedback.append(list, note, echo, suggested);
  feedback.hidden = false;
}

// Tells the grader whether this answer states a point, and shows the answer graded again.
async function teach(point, accepted) {
  const response = await post("/api/corrections", { card_id: card.id, keypoint: point, answer: typedAnswer, accepted: accepted });
  const grade = await response.json();
  if (!response.ok) {
    $("status").textContent = "Not learnt: " + grade.detail;
    return;
  }
  showFeedback(grade);
  $("status").textContent = "Learnt for this card.";
  $("ratings").querySelector("button[data-rating='" + grade.rating + "']").focus();
}

async function rate(rating) {
  if (!card || $("ratings").hidden || answering === requestId) return;
  answering = requestId;
  try {
    const answer = { card_id: card.id, rating: rating, duration_ms: Date.now() - shownAt, request_id: requestId };
    if (typedAnswer !== null) answer.answer = typedAnswer;
    const response = await post("/api/reviews", answer);
    const review = await response.json();
    if (!response.ok) {
      $("status").textContent = "Not saved: " + review.detail;
      return;
    }
    if (response.status === 201) saved.push(review.review_id);
    $("undo").hidden = false;
    $("status").textContent = "Saved · back in " + interval(Math.max(0, (Date.parse(review.next_due) - Date.now()) / 1000));
    await next();
  } finally {
    answering = null;
  }
}

function undo() {
  undoQueue = undoQueue.then(undoLast);
  return undoQueue;
}

// Takes the last answer given on this page back: the server restores the card's schedule,
// and the card is studied again.
async function undoLast() {
  if (saved.length === 0) {
    $("status").textContent = "Nothing to undo.";
    return;
  }
  const response = await post("/api/reviews/undo", { review_id: saved[saved.length - 1] });
  const body = await response.json();
  if (!response.ok) {
    $("status").textContent = "Not undone: " + body.detail;
    return;
  }
  saved.pop();
  $("undo").hidden = saved.length === 0;
  $("status").textContent = saved.length === 0 ? "Undone." : "Undone (" + saved.length + " more can be taken back).";
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
  $("more-new").addEventListener("click", moreNewCards);
  $("undo").addEventListener("click", undo);
  // The choice to type answers is kept across reloads.
  $("typed").checked = localStorage.getItem("rehearse.typed") === "1";
  $("typed").addEventListener("change", () => {
    localStorage.setItem("rehearse.typed", $("typed").checked ? "1" : "0");
    if (card && $("answer").hidden) next();
  });
  for (const button of $("ratings").querySelectorAll("button")) {
    button.addEventListener("click", () => rate(Number(button.dataset.rating)));
  }
  next();
});
