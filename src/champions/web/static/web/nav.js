// The main navigation folds behind a "Menu" button on narrow screens (a disclosure button).
// Without this script the list simply stays open.
(function () {
  var nav = document.querySelector(".site-nav");
  var button = document.querySelector(".nav-toggle");
  if (!nav || !button) return;
  nav.classList.add("nav-collapsible");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", String(open));
    nav.classList.toggle("is-open", open);
  });
})();
