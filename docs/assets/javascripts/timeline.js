// The timeline's filter: show only the events of one person or organisation.
// The page reads completely without this script (the filter stays hidden); nothing is loaded
// from elsewhere. Each event lists its participants' ids in data-entities.
(function () {
  "use strict";
  var box = document.querySelector(".dossier-tl-filter");
  if (!box) return;
  var select = box.querySelector("select");
  var output = box.querySelector("output");
  var events = Array.prototype.slice.call(document.querySelectorAll(".dossier-tl-event"));
  var groups = Array.prototype.slice.call(document.querySelectorAll(".dossier-tl-group"));
  var arcs = Array.prototype.slice.call(document.querySelectorAll(".dossier-tl-arc"));

  function apply() {
    var who = select.value;
    var shown = 0;
    events.forEach(function (li) {
      var ids = (li.getAttribute("data-entities") || "").split(" ");
      var visible = !who || ids.indexOf(who) >= 0;
      li.hidden = !visible;
      if (visible) shown += 1;
    });
    arcs.forEach(function (li) { li.hidden = Boolean(who); });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector(".dossier-tl-event:not([hidden])");
    });
    output.textContent = who
      ? output.getAttribute("data-template").replace("{shown}", shown).replace("{total}", events.length)
      : "";
    if (history.replaceState) {
      history.replaceState(null, "", who ? "#مع-" + who : location.pathname + location.search);
    }
  }

  box.hidden = false;
  select.addEventListener("change", apply);
  // A link to the timeline filtered on someone: …/timeline/#مع-sam-altman
  var hash = decodeURIComponent(location.hash.slice(1));
  if (hash.indexOf("مع-") === 0) {
    select.value = hash.slice(3);
    if (select.value) apply();
  }
})();
