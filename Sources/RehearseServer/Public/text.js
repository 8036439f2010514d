// Card text as readable HTML, built as DOM nodes (never innerHTML): paragraphs keep their
// line breaks, ``` fences and code cards become monospaced blocks that keep indentation,
// scroll sideways instead of widening the page and colour Python's keywords, strings,
// comments and numbers; `inline code` and **bold** are rendered.
"use strict";

// Fills `element` with `text`. With `code`, the text after the first blank line is a
// program (a "What does this print?" card) and `wholeCode` makes all of it one.
function renderText(element, text, options = {}) {
  element.replaceChildren();
  if (options.wholeCode) {
    element.append(codeBlock(text));
    return;
  }
  let rest = text;
  if (options.code) {
    const split = text.indexOf("\n\n");
    if (split >= 0) {
      appendProse(element, text.slice(0, split));
      element.append(codeBlock(text.slice(split + 2)));
      return;
    }
  }
  // Fenced blocks between prose.
  const parts = rest.split(/^```[^\n]*\n([\s\S]*?)^```[ \t]*$/m);
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      element.append(codeBlock(part.replace(/\n$/, "")));
    } else if (part.trim()) {
      appendProse(element, part.replace(/^\n+|\n+$/g, ""));
    }
  });
}

function codeBlock(code) {
  const pre = document.createElement("pre");
  const inner = document.createElement("code");
  highlight(inner, code);
  pre.append(inner);
  return pre;
}

const PYTHON_KEYWORDS = new Set(("False None True and as assert async await break class continue def del elif else except " +
  "finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case").split(" "));

// One token at a time: comments, strings (prefixed, triple-quoted), numbers, names; each
// kind is a span with its class, everything else plain text. Text only, so nothing in the
// code can become markup.
const PYTHON_TOKEN = /(#[^\n]*)|((?:[rRbBuUfF]{1,2})?(?:'''[\s\S]*?'''|"""[\s\S]*?"""|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"))|(\b\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?j?\b)|(@[A-Za-z_][\w.]*)|([A-Za-z_]\w*)/g;

function highlight(element, code) {
  let last = 0;
  let previous = "";
  for (const match of code.matchAll(PYTHON_TOKEN)) {
    const [text, comment, string, number, decorator, name] = match;
    let kind = null;
    if (comment) kind = "tok-com";
    else if (string) kind = "tok-str";
    else if (number) kind = "tok-num";
    else if (decorator) kind = "tok-kw";
    else if (name && PYTHON_KEYWORDS.has(name)) kind = "tok-kw";
    else if (name && (previous === "def" || previous === "class")) kind = "tok-def";
    if (name) previous = name;
    if (!kind) continue;
    if (match.index > last) element.append(document.createTextNode(code.slice(last, match.index)));
    const span = document.createElement("span");
    span.className = kind;
    span.textContent = text;
    element.append(span);
    last = match.index + text.length;
  }
  if (last < code.length) element.append(document.createTextNode(code.slice(last)));
}

// Paragraphs split at blank lines, each with its inline code and bold.
function appendProse(element, text) {
  for (const paragraph of text.split(/\n{2,}/)) {
    const p = document.createElement("p");
    for (const piece of paragraph.split(/(`[^`\n]+`|\*\*[^*\n]+\*\*)/)) {
      if (piece.startsWith("`") && piece.endsWith("`") && piece.length > 2) {
        const code = document.createElement("code");
        code.textContent = piece.slice(1, -1);
        p.append(code);
      } else if (piece.startsWith("**") && piece.endsWith("**") && piece.length > 4) {
        const strong = document.createElement("strong");
        strong.textContent = piece.slice(2, -2);
        p.append(strong);
      } else if (piece) {
        p.append(document.createTextNode(piece));
      }
    }
    element.append(p);
  }
}
