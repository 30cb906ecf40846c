// Behaviour of the public site, served by the project itself (no CDN, no inline script).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});
