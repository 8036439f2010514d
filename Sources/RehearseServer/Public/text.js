// Card text as readable HTML, built as DOM nodes (never innerHTML): paragraphs keep their
// line breaks, ``` fences and code cards become monospaced blocks that keep indentation and
// scroll sideways instead of widening the page, `inline code` and **bold** are rendered.
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
  inner.textContent = code;
  pre.append(inner);
  return pre;
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
