// The error summary's links: focus the question's first answer and scroll its whole card into view,
// so that the question's wording, not only the first answer, is on screen. Without this script
// the link still works: the browser focuses the answer it points to.
document.addEventListener("click", (event) => {
  const link = event.target.closest(".error-summary a[href^='#']");
  if (!link) return;
  const answer = document.getElementById(link.getAttribute("href").slice(1));
  if (!answer) return;
  event.preventDefault();
  const question = answer.closest(".question") || answer;
  question.scrollIntoView({ block: "start" });
  answer.focus({ preventScroll: true });
});
