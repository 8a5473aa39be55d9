// Filters, tooltips and jumps for every report section on the page; no network, no eval.
(function () {
  "use strict";
  function setup(section) {
    var kinds = section.querySelectorAll("input[data-filter-kind]");
    var floor = section.querySelector("select[data-filter-severity]");
    var status = section.querySelector("[data-filter-status]");
    var items = section.querySelectorAll("[data-change]");
    function apply() {
      var wanted = {};
      kinds.forEach(function (box) { wanted[box.value] = box.checked; });
      var min = floor ? Number(floor.value) : 0;
      var shown = 0, total = 0;
      items.forEach(function (item) {
        var visible = wanted[item.getAttribute("data-kind")] !== false &&
          Number(item.getAttribute("data-rank")) >= min;
        item.hidden = !visible;
        if (item.hasAttribute("data-listed")) { total += 1; if (visible) { shown += 1; } }
      });
      if (status) { status.textContent = "Showing " + shown + " of " + total + " changes"; }
    }
    kinds.forEach(function (box) { box.addEventListener("change", apply); });
    if (floor) { floor.addEventListener("change", apply); }
    apply();
  }
  document.querySelectorAll("[data-report]").forEach(setup);
  // A badge toggles its explanation on click (touch screens) and Escape hides it.
  document.addEventListener("click", function (event) {
    var badge = event.target.closest ? event.target.closest(".badge") : null;
    if (!badge) { return; }
    badge.setAttribute("aria-expanded", badge.getAttribute("aria-expanded") === "true" ? "false" : "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll('.badge[aria-expanded="true"]').forEach(function (badge) {
      badge.setAttribute("aria-expanded", "false");
    });
    var active = document.activeElement;
    if (active && active.classList && active.classList.contains("badge")) { active.blur(); }
  });
  // Jumping from the list of changes focuses the badge, so its explanation shows.
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-jump]") : null;
    if (!link) { return; }
    var badge = document.getElementById(link.getAttribute("data-jump"));
    if (!badge) { return; }
    event.preventDefault();
    var row = badge.closest("tr");
    if (row && row.hidden) { row.hidden = false; }
    badge.scrollIntoView({ block: "center" });
    badge.focus({ preventScroll: true });
    if (history.replaceState) { history.replaceState(null, "", "#" + badge.id); }
  });
})();
