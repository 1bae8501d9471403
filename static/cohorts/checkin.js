// The check-in page: a new day reloads the page for that day (so every button carries it), and
// the day's head-count follows the other phones at the door without a reload.
(function () {
  "use strict";
  var form = document.getElementById("checkin-search");
  var day = form && form.querySelector("[data-autosubmit]");
  if (day) {
    day.addEventListener("change", function () { form.submit(); });
  }
  var count = document.getElementById("checkin-count");
  if (!count || !window.fetch) { return; }
  function refresh() {
    fetch(count.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        count.textContent = count.dataset.template
          .replace("__CHECKED_IN__", data.checked_in)
          .replace("__EXPECTED__", data.expected);
      })
      .catch(function () {});
  }
  window.setInterval(refresh, 5000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) { refresh(); } });
}());
