// Buttons with data-confirm ask first (inline onclick handlers are refused by our CSP).
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});
