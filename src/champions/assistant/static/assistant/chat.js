/* The assistant's chat: open/close the panel (focus moves into it and back), send with
   Ctrl+Enter, clear the box after a question and move focus to the new answer. */
(function () {
  "use strict";
  var toggle = document.querySelector("[data-assistant-toggle]");
  var panel = document.getElementById("assistant-panel");

  function open() {
    panel.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    var box = panel.querySelector("textarea");
    if (box) box.focus();
  }
  function close() {
    panel.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    toggle.focus();
  }
  if (toggle && panel) {
    toggle.addEventListener("click", function () { panel.hidden ? open() : close(); });
    panel.querySelector("[data-assistant-close]").addEventListener("click", close);
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape") close();
    });
  }
  document.addEventListener("keydown", function (event) {
    var box = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && box.matches(".chat-form textarea")) {
      event.preventDefault();
      box.form.requestSubmit();
    }
  });
  document.body.addEventListener("htmx:afterSwap", function (event) {
    var log = event.detail.target.closest ? event.detail.target.closest(".chat-log") : null;
    if (!log) return;
    var chat = log.closest(".chat");
    var box = chat.querySelector(".chat-form textarea");
    if (box && event.detail.requestConfig.elt.classList.contains("chat-form")) box.value = "";
    var answers = log.querySelectorAll(".chat-bot");
    var last = answers[answers.length - 1];
    if (last) {
      last.setAttribute("tabindex", "-1");
      last.scrollIntoView({ block: "nearest" });
    }
    if (box) box.focus();
  });
})();
