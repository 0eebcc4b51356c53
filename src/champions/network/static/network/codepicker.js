// The code picker of the profile page: "Add 520524" puts the code into its field (once) and
// says so to screen readers. Without JavaScript the list still names each code to type in.
document.addEventListener("click", function (event) {
  var button = event.target.closest("button[data-code][data-target]");
  if (!button) return;
  var input = document.getElementById(button.dataset.target);
  if (!input) return;
  var codes = input.value.split(/[\s,]+/).filter(Boolean);
  if (codes.indexOf(button.dataset.code) === -1) codes.push(button.dataset.code);
  input.value = codes.join(" ");
  button.disabled = true;
  button.setAttribute("aria-pressed", "true");
  var status = document.getElementById(button.dataset.target + "_choices");
  if (status) status.setAttribute("data-added", button.dataset.code);
  input.dispatchEvent(new Event("change", { bubbles: true }));
});
