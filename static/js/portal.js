// Behaviour of the public site, served by the project itself (no CDN, no inline script).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) {
    window.print();
  }
});

// A printout says where and when it was printed: the address and today's date in Hanoi (dd/mm/yyyy),
// as the reader prints it, not as the (possibly cached) page was rendered.
window.addEventListener("beforeprint", function () {
  var address = document.querySelector("[data-print-address]");
  var line = document.querySelector("[data-print-date-line]");
  if (address) {
    address.textContent = window.location.href;
  }
  if (line) {
    var parts = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric",
    }).formatToParts(new Date());
    var get = function (type) { return parts.find(function (part) { return part.type === type; }).value; };
    line.querySelector("[data-print-date]").textContent = get("day") + "/" + get("month") + "/" + get("year");
    line.hidden = false;
  }
});
