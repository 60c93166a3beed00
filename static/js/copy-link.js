// The private link's copy button: shown only where this script runs; without it the link stays a
// field the visitor selects and copies by hand. The clipboard API needs a secure page; elsewhere
// the selected field is copied the older way.
(function () {
  document.querySelectorAll(".copy-link").forEach(function (button) {
    var field = document.getElementById(button.dataset.copyTarget);
    var feedback = button.closest(".keep-link-box").querySelector(".copy-feedback");
    if (!field || !feedback) return;
    button.hidden = false;
    field.addEventListener("focus", function () { field.select(); });
    function say(text) { feedback.textContent = text; }
    function copySelected() {
      field.focus();
      field.select();
      try {
        say(document.execCommand("copy") ? button.dataset.copied : button.dataset.copyFailed);
      } catch (error) {
        say(button.dataset.copyFailed);
      }
    }
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(function () {
          say(button.dataset.copied);
        }, copySelected);
      } else {
        copySelected();
      }
    });
  });
})();
