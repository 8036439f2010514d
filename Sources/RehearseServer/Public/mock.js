// The mock interview page: one question at a time under a countdown, nothing revealed until
// the report at the end. The server stores each answer as it is given.
"use strict";

const $ = (id) => document.getElementById(id);
let interview = null;
let questionStarted = 0;
let receivedAt = 0;
let timer = null;

function clock(seconds) {
  const whole = Math.max(0, Math.round(seconds));
  return Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
}

function percent(value) {
  return Math.round(value * 100) + "%";
}

// Shows the interview's state: the next question, or the report when it has ended. The
// interview's id is kept so that a reload picks it up where it was.
function show(state) {
  interview = state;
  receivedAt = Date.now();
  if (state.report) {
    localStorage.removeItem("rehearse.mock");
    clearInterval(timer);
    $("interview").hidden = true;
    showReport(state.report, state.report_id);
    return;
  }
  const question = state.question;
  $("setup").hidden = true;
  $("interview").hidden = false;
  $("question-meta").textContent = "Question " + question.number + "/" + state.question_count + " · "
    + [question.guide].concat(question.section).join(" › ") + (question.follow_up ? " · follow-up" : "");
  renderText($("question"), question.prompt, { code: question.prompt.startsWith("What does this print?") });
  localStorage.setItem("rehearse.mock", state.id);
  if (question.spent < 1) $("mock-answer").value = "";
  $("mock-answer").focus();
  questionStarted = receivedAt - question.spent * 1000;
  tick();
}

// After a reload: the interview under way, if the server still has it.
async function resume() {
  const id = localStorage.getItem("rehearse.mock");
  if (!id) return;
  const response = await fetch("/api/mock/" + encodeURIComponent(id), { headers: { "Accept": "application/json" } });
  if (!response.ok) {
    localStorage.removeItem("rehearse.mock");
    return;
  }
  const state = await response.json();
  if (!state.question) return;
  timer = setInterval(tick, 1000);
  show(state);
  $("status").textContent = "Interview resumed.";
}

function tick() {
  if (!interview || !interview.question) return;
  const spent = (Date.now() - questionStarted) / 1000;
  const questionLeft = interview.question.seconds - spent;
  $("question-clock").textContent = (questionLeft >= 0 ? clock(questionLeft) + " for this question" : clock(-questionLeft) + " over");
  $("question-clock").className = questionLeft < 0 ? "over" : "";
  const totalLeft = interview.seconds_left - (Date.now() - receivedAt) / 1000;
  $("total-clock").textContent = clock(totalLeft) + " left";
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const ratingNames = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" };

function showReport(report, id) {
  const section = $("report");
  section.replaceChildren();
  section.append(element("h2", "Report #" + id + " · score " + percent(report.score) + " · " + clock(report.secondsUsed) + " of " + clock(report.minutes * 60)));
  const list = element("ol");
  for (const question of report.questions) {
    const item = element("li");
    const flags = [question.followUp ? "follow-up" : null, question.overTime ? "over time" : null].filter(Boolean);
    const prompt = element("div", "", "prompt");
    renderText(prompt, question.prompt + (flags.length ? " [" + flags.join(", ") + "]" : ""));
    item.append(prompt);
    item.append(element("p", (question.section.at(-1) || "") + " · " + ratingNames[question.rating] + " · score " + percent(question.score) + " · " + clock(question.seconds), "path"));
    item.append(element("p", "You said: " + (question.answer.trim() || "(nothing)"), "echo"));
    const points = element("ul");
    for (const point of question.covered) points.append(element("li", "✓ " + point, "covered"));
    for (const point of question.missed) points.append(element("li", "✗ " + point, "missed"));
    item.append(points);
    list.append(item);
  }
  section.append(list);
  if ((report.unanswered || []).length) {
    section.append(element("h3", "Not answered: the interview ended"));
    const waiting = element("ul");
    for (const prompt of report.unanswered) waiting.append(element("li", prompt));
    section.append(waiting);
  }
  if (report.weakest.length) {
    section.append(element("h3", "Weakest topics: review"));
    const weak = element("ul");
    for (const topic of report.weakest) {
      const item = element("li", topic.section + " (" + percent(topic.score) + ")");
      const review = element("ul");
      for (const point of topic.review.slice(0, 4)) review.append(element("li", point));
      item.append(review);
      weak.append(item);
    }
    section.append(weak);
  }
  section.hidden = false;
  $("status").textContent = "The report is saved with the past interviews below (reload to see it there).";
}

async function call(path, body) {
  const response = await post(path, body);
  const result = await response.json();
  if (!response.ok) {
    $("status").textContent = result.detail;
    return null;
  }
  $("status").textContent = "";
  return result;
}

async function start(event) {
  event.preventDefault();
  const body = { minutes: Number($("minutes").value) };
  if ($("questions").value) body.questions = Number($("questions").value);
  if ($("guide").value) body.guide = $("guide").value;
  const state = await call("/api/mock", body);
  if (!state) return;
  timer = setInterval(tick, 1000);
  show(state);
}

async function submit() {
  if (!interview || !interview.question) return;
  const state = await call("/api/mock/" + interview.id + "/answers", { answer: $("mock-answer").value });
  if (state) show(state);
}

async function finish() {
  if (!interview) return;
  const state = await call("/api/mock/" + interview.id + "/finish", {});
  if (state) show(state);
}

document.addEventListener("DOMContentLoaded", () => {
  resume();
  $("setup").addEventListener("submit", start);
  $("submit-answer").addEventListener("click", submit);
  $("finish").addEventListener("click", finish);
  $("mock-answer").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });
});
